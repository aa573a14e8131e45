package dev.failover.e2e;

import static dev.failover.e2e.BlackoutChecks.CHICAGO;
import static dev.failover.e2e.BlackoutChecks.SETTLE;
import static dev.failover.e2e.BlackoutChecks.SOON;
import static dev.failover.e2e.BlackoutChecks.TORONTO;
import static dev.failover.e2e.BlackoutChecks.replicaChanges;
import static dev.failover.e2e.BlackoutChecks.settledIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.FailoverTimeline.Observed;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Toronto's API server hangs (SIGSTOP): connections open, nothing answers. Probes time out, which
 * counts as a blackout, and the workload fails over to Chicago while Toronto is still frozen: no
 * call of the move waits on the data center it is leaving. When the API server resumes, Toronto
 * still runs the workload at full size; it is scaled to zero before it is re-admitted. Failback is
 * manual here, so the policy stays in Chicago.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrozenPrimaryE2E {
  private static final String NAMESPACE = "e2e-frozen";

  /**
   * How long Toronto stays frozen after it is detected Unreachable, unless traffic left it sooner.
   * Before per-call timeouts the move took 15.8 s beyond detection here, waiting on calls to
   * Toronto; the figure is in docs/benchmarks.md, and the order of events is what this test checks.
   */
  private static final Duration FROZEN_FOR = Duration.ofSeconds(10);

  private FailoverWorld world;
  private OperatorProcess operator;
  private final PolicyDraft policy =
      PolicyDraft.of(NAMESPACE, "frozen").withStandby(StandbyMode.Hot).withManualFailback();
  private FailoverTimeline timeline;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator = world.operator();
  }

  @AfterEach
  void removeThePolicy() {
    if (timeline != null) {
      timeline.close();
    }
    policy.deleteFrom(world);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  /** The first DNS record at Chicago after the mark, if one arrives within {@code patience}. */
  private Optional<Observed<List<String>>> dnsAtChicagoWithin(
      BlackoutChecks checks, long after, Duration patience) {
    List<String> chicago = List.of(checks.ingress(CHICAGO));
    Instant giveUp = Instant.now().plus(patience);
    while (true) {
      Optional<Observed<List<String>>> switched =
          timeline.dns().stream()
              .filter(o -> o.seq() > after && chicago.equals(o.value()))
              .findFirst();
      if (switched.isPresent() || Instant.now().isAfter(giveUp)) {
        return switched;
      }
      Sleep.of(Duration.ofMillis(100));
    }
  }

  @Test
  void aHungApiServerIsABlackoutAndTheMoveNeverWaitsForIt() {
    BlackoutChecks.awaitAllHealthy(world);
    timeline = FailoverTimeline.start(world, policy).withDiagnostics(() -> operator.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, policy, timeline);
    policy.applyTo(world);
    checks.settledInToronto();

    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long outageMark = timeline.mark();
    Instant outageAt = Instant.now();
    timeline.disconnect(TORONTO);
    toronto.freeze();
    AtomicBoolean frozen = new AtomicBoolean(true);
    long returnMark;
    Optional<Observed<List<String>>> switchedWhileFrozen;
    try {
      timeline.awaitDataCenter(
          TORONTO,
          "Unreachable",
          outageMark,
          s -> s.getPhase() == DataCenterPhase.Unreachable,
          SETTLE);
      // Toronto stays frozen while the move runs (for at most FROZEN_FOR): the move must not
      // wait for a call to the data center it is leaving to time out, let alone for it to thaw.
      switchedWhileFrozen = dnsAtChicagoWithin(checks, outageMark, FROZEN_FOR);
      returnMark =
          checks.bringTorontoBack(
              () -> {
                toronto.thaw();
                frozen.set(false);
              });
    } finally {
      if (frozen.get()) {
        toronto.thaw();
      }
    }
    assertThat(switchedWhileFrozen)
        .as(timeline.explain("DNS switched to Chicago while Toronto was still frozen"))
        .isPresent();
    long switchRevision = switchedWhileFrozen.get().revision();
    assertThat(
            timeline.statuses().stream()
                .filter(
                    o ->
                        o.seq() > outageMark
                            && o.revision() < switchRevision
                            && CHICAGO.equals(o.value().getActiveDataCenter())))
        .as(timeline.explain("Chicago persisted as active before DNS pointed at it"))
        .isNotEmpty();
    // Timeouts, not refusals: the API server hung.
    FailoverPolicyStatus failedOver = checks.failedOverToChicago(outageAt, outageMark, "timed out");
    System.out.printf(
        "Frozen primary: %d ms from detection (Toronto Unreachable) to DNS at Chicago%n",
        failedOver.getLastFailover().getMeasuredRtoMillis());

    Observed<FailoverPolicyStatus> fenced = checks.torontoFencedOnReturn(returnMark);
    checks.torontoUnusedUntilFenced(fenced, returnMark);

    // Back as a hot standby at full size, while traffic stays in Chicago (failback is manual).
    Observed<Deployment> fence =
        timeline.awaitDeployment(
            TORONTO, "fenced", returnMark, d -> FailoverTimeline.replicas(d) == 0, SOON);
    timeline.awaitDeployment(
        TORONTO, "a hot standby again", fence.seq(), FailoverTimeline::available, SETTLE);
    assertThat(replicaChanges(timeline.deployment(TORONTO), o -> true))
        .as(timeline.explain("Toronto: active, fenced, hot standby"))
        .containsExactly(PolicyDraft.REPLICAS, 0, PolicyDraft.REPLICAS);
    FailoverPolicyStatus now = new PolicyWatch(world, NAMESPACE, policy.name()).status().get();
    assertThat(settledIn(now, CHICAGO)).as(timeline.explain("still in Chicago: " + now)).isTrue();
    assertThat(now.getHistory()).hasSize(1);
    assertThat(timeline.dns().get(timeline.dns().size() - 1).value())
        .isEqualTo(List.of(checks.ingress(CHICAGO)));
    assertThat(timeline.events("FailoverStarted")).hasSize(1);
    assertThat(timeline.events("Fenced")).hasSize(1);
    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
    System.out.println(timeline.describe());
  }
}
