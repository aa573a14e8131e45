package dev.failover.e2e;

import static dev.failover.e2e.BlackoutChecks.CHICAGO;
import static dev.failover.e2e.BlackoutChecks.SETTLE;
import static dev.failover.e2e.BlackoutChecks.TORONTO;
import static dev.failover.e2e.BlackoutChecks.WASHINGTON;
import static dev.failover.e2e.BlackoutChecks.settledIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two operator processes from the jar with leader election on, as the chart deploys them: the
 * leader is SIGKILLed in the middle of a blackout failover (persisted at AwaitTargetAvailable) and
 * the standby takes the Lease once it expires and completes the same failover: one history record,
 * exactly one active data center.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderElectionE2E {
  private static final String NAMESPACE = "e2e-leader";

  /** The chart's Lease: the operators run with the chart's RBAC, which allows only it. */
  private static final String LEASE = HubIdentity.LEASE;

  /** Longer than JOSDK's lease (15 s) plus a busy machine, so the kill lands mid-failover. */
  private static final int MIN_READY_SECONDS = 20;

  /**
   * The standby waits out the dead leader's Lease (15 s), then its probes start cold: on a loaded
   * 2-core machine their first answers miss the fast probes' 500 ms and the healthy data centers go
   * through Unreachable and probation first (seen: 60 s); then Chicago must become Available.
   */
  private static final Duration TAKEOVER_AND_AVAILABLE = Duration.ofMinutes(4);

  private static final Duration LEADER_WITHIN = Duration.ofSeconds(60);

  private FailoverWorld world;
  private OperatorProcess first;
  private OperatorProcess second;
  private final PolicyDraft policy =
      PolicyDraft.of(NAMESPACE, "leader")
          .withStandby(StandbyMode.Warm)
          .withManualFailback()
          .withMinReadySeconds(MIN_READY_SECONDS);
  private FailoverTimeline timeline;

  @BeforeAll
  void startTwoOperators(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    deleteLease();
    OperatorLaunch launch =
        world
            .operatorLaunch()
            .withEnvironment("FAILOVER_LEADER_ELECTION", "true")
            .withEnvironment("FAILOVER_LEASE_NAME", LEASE)
            .withEnvironment("FAILOVER_REPLICAS", "2");
    first = world.operator(launch.withEnvironment("FAILOVER_LEADER_IDENTITY", "first"));
    awaitLeader("first");
    second = world.operator(launch.withEnvironment("FAILOVER_LEADER_IDENTITY", "second"));
  }

  @AfterEach
  void removeThePolicy() {
    if (timeline != null) {
      timeline.close();
    }
    policy.deleteFrom(world);
  }

  @AfterAll
  void stopTheOperators() {
    if (world != null) {
      world.close();
      deleteLease();
    }
  }

  @Test
  void whenTheLeaderDiesMidFailoverTheStandbyCompletesItOnce() {
    BlackoutChecks.awaitAllHealthy(world);
    timeline = FailoverTimeline.start(world, policy).withDiagnostics(() -> second.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, policy, timeline);
    PolicyWatch watch = policy.applyTo(world);
    checks.settledInToronto();
    assertThat(holder())
        .as("the standby never took the Lease while the leader lived")
        .hasValue("first");

    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long outageMark = timeline.mark();
    timeline.disconnect(TORONTO);
    toronto.stop();
    boolean down = true;
    try {
      timeline.awaitStatus(
          "failing over, awaiting Chicago",
          outageMark,
          s ->
              s.getPhase() == FailoverPhase.FailingOver
                  && s.getCurrentStep() == FailoverStep.AwaitTargetAvailable,
          SETTLE);
      long killMark = timeline.mark();
      first.kill();
      FailoverPolicyStatus atKill = watch.status().orElseThrow();
      assertThat(atKill.getCurrentStep())
          .as(timeline.explain("killed mid-failover"))
          .isEqualTo(FailoverStep.AwaitTargetAvailable);
      assertThat(atKill.getHistory()).isEmpty();

      FailoverPolicyStatus failedOver =
          timeline
              .awaitStatus(
                  "active in chicago, completed by the standby",
                  killMark,
                  s -> settledIn(s, CHICAGO),
                  TAKEOVER_AND_AVAILABLE)
              .value();
      assertThat(holder()).as("the standby leads now").hasValue("second");
      assertThat(failedOver.getHistory()).as(timeline.explain("one record")).hasSize(1);
      FailoverRecord record = failedOver.getHistory().get(0);
      assertThat(record.getFrom()).isEqualTo(TORONTO);
      assertThat(record.getTo()).isEqualTo(CHICAGO);
      assertThat(record.getDetectedAt())
          .as("the same move, resumed, not a new one")
          .isEqualTo(atKill.getInFlight().getDetectedAt());
      assertThat(timeline.events("FailoverStarted").stream().filter(e -> e.seq() > outageMark))
          .as(timeline.explain("the failover was announced once, by the first leader"))
          .hasSize(1);
      assertThat(watch.dnsTargets()).containsExactly(checks.ingress(CHICAGO));

      long returnMark = checks.bringTorontoBack(toronto::start);
      down = false;
      checks.torontoFencedOnReturn(returnMark);
    } finally {
      if (down) {
        toronto.start();
      }
    }

    FailoverPolicyStatus end = watch.status().orElseThrow();
    assertThat(settledIn(end, CHICAGO)).as(timeline.explain("settled in Chicago: " + end)).isTrue();
    assertThat(end.getHistory()).hasSize(1);
    assertThat(watch.replicas(TORONTO, policy.deployment())).as("Toronto fenced").isZero();
    assertThat(watch.replicas(WASHINGTON, policy.deployment())).as("a warm standby").isZero();
    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
  }

  private Optional<String> holder() {
    Lease lease =
        world.hub().leases().inNamespace(OperatorLaunch.SECRETS_NAMESPACE).withName(LEASE).get();
    return Optional.ofNullable(lease).map(Lease::getSpec).map(spec -> spec.getHolderIdentity());
  }

  private void awaitLeader(String identity) {
    Instant deadline = Instant.now().plus(LEADER_WITHIN);
    while (!holder().equals(Optional.of(identity))) {
      assertThat(Instant.now())
          .as("%s holds Lease %s within %s; it holds %s", identity, LEASE, LEADER_WITHIN, holder())
          .isBefore(deadline);
      Sleep.of(Duration.ofMillis(200));
    }
  }

  private void deleteLease() {
    world.hub().leases().inNamespace(OperatorLaunch.SECRETS_NAMESPACE).withName(LEASE).delete();
  }
}
