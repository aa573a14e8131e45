package dev.failover.e2e;

import static dev.failover.e2e.BlackoutChecks.CHICAGO;
import static dev.failover.e2e.BlackoutChecks.SETTLE;
import static dev.failover.e2e.BlackoutChecks.SOON;
import static dev.failover.e2e.BlackoutChecks.TORONTO;
import static dev.failover.e2e.BlackoutChecks.WASHINGTON;
import static dev.failover.e2e.BlackoutChecks.lastBefore;
import static dev.failover.e2e.BlackoutChecks.replicaChanges;
import static dev.failover.e2e.BlackoutChecks.settledIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.FailoverTimeline.Observed;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator is SIGKILLed three times during one blackout failover and restarted each time:
 *
 * <ol>
 *   <li>right after it announced the failover (FailoverStarted), whatever it had persisted by then;
 *   <li>while the persisted step is AwaitTargetAvailable: the warm standby in Chicago has been
 *       scaled up but is slow to become Available ({@code minReadySeconds}), so the failover is
 *       still under way when the operator dies;
 *   <li>after the failover, while Toronto awaits its fence; Toronto then returns while no operator
 *       runs, so it serves at full size until the next operator fences it.
 * </ol>
 *
 * <p>Each restarted operator goes on from the persisted step: the failover completes once, with one
 * history record and its RTO measured from the original blackout, and ends with exactly one active
 * data center that status, DNS and the workloads agree on.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCrashDuringFailoverE2E {
  private static final String NAMESPACE = "e2e-crash";

  /**
   * Longer than an operator restart takes on a busy machine, so the second kill lands before
   * Chicago can be Available.
   */
  private static final int MIN_READY_SECONDS = 20;

  private static final Duration AVAILABLE_WITHIN = Duration.ofSeconds(MIN_READY_SECONDS + 30);

  private FailoverWorld world;
  private OperatorProcess operator;
  private final PolicyDraft policy =
      PolicyDraft.of(NAMESPACE, "crash")
          .withStandby(StandbyMode.Warm)
          .withManualFailback()
          .withMinReadySeconds(MIN_READY_SECONDS);
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
    if (!operator.isAlive()) {
      operator.restart();
    }
    policy.deleteFrom(world);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void killedMidFailoverTheOperatorResumesFromThePersistedStepAndEndsWithOneActiveDataCenter() {
    BlackoutChecks.awaitAllHealthy(world);
    timeline = FailoverTimeline.start(world, policy).withDiagnostics(() -> operator.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, policy, timeline);
    PolicyWatch watch = policy.applyTo(world);
    checks.settledInToronto();

    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long outageMark = timeline.mark();
    timeline.disconnect(TORONTO);
    toronto.stop();
    AtomicBoolean down = new AtomicBoolean(true);
    try {
      // Kill 1: the failover has been announced; what was persisted is whatever it is.
      timeline.awaitEvent("FailoverStarted", outageMark, SETTLE);
      operator.kill();
      FailoverPolicyStatus atKill1 = watch.status().orElseThrow();
      boolean persistedAtKill1 = atKill1.getPhase() == FailoverPhase.FailingOver;
      System.out.printf(
          "Kill 1 (after FailoverStarted): persisted phase %s, step %s%n",
          atKill1.getPhase(), atKill1.getCurrentStep());
      if (persistedAtKill1) {
        assertMidFailover(
            atKill1, EnumSet.of(FailoverStep.PromoteTarget, FailoverStep.AwaitTargetAvailable));
      } else {
        // Killed between the Event and the status write: the old state is all that persisted.
        assertThat(settledIn(atKill1, TORONTO)).as("persisted at kill 1: %s", atKill1).isTrue();
      }

      // Kill 2: a restarted operator, the failover persisted at AwaitTargetAvailable.
      long restart1Mark = timeline.mark();
      operator.restart();
      // The new operator probes (Toronto's failure count goes on) and so reconciles the policy.
      timeline.awaitDataCenter(
          TORONTO,
          "probed by the restarted operator",
          restart1Mark,
          s -> s.getPhase() == DataCenterPhase.Unreachable,
          SOON);
      timeline.awaitStatus(
          "failing over, awaiting Chicago",
          outageMark,
          s ->
              s.getPhase() == FailoverPhase.FailingOver
                  && s.getCurrentStep() == FailoverStep.AwaitTargetAvailable,
          SETTLE);
      long kill2Mark = timeline.mark();
      operator.kill();
      FailoverPolicyStatus atKill2 = watch.status().orElseThrow();
      System.out.printf("Kill 2: persisted step %s%n", atKill2.getCurrentStep());
      assertMidFailover(atKill2, EnumSet.of(FailoverStep.AwaitTargetAvailable));
      assertThat(FailoverTimeline.available(checks.deployment(CHICAGO)))
          .as(
              timeline.explain(
                  "Chicago is not Available yet at kill 2, so the failover is under way"))
          .isFalse();
      assertThat(checks.deployment(CHICAGO).getSpec().getReplicas())
          .as("the warm standby was scaled up before the kill")
          .isEqualTo(PolicyDraft.REPLICAS);

      operator.restart();
      FailoverPolicyStatus failedOver =
          timeline
              .awaitStatus(
                  "active in chicago", kill2Mark, s -> settledIn(s, CHICAGO), AVAILABLE_WITHIN)
              .value();

      // Resumed, not restarted: no second announcement, the same move, one record.
      assertThat(timeline.events("FailoverStarted").stream().filter(e -> e.seq() > kill2Mark))
          .as(timeline.explain("no FailoverStarted after the restart from AwaitTargetAvailable"))
          .isEmpty();
      assertThat(timeline.events("FailoverStarted").stream().filter(e -> e.seq() > outageMark))
          .as(timeline.explain("FailoverStarted, once more only if kill 1 came before the write"))
          .hasSize(persistedAtKill1 ? 1 : 2);
      assertThat(
              timeline.statuses().stream()
                  .filter(o -> o.seq() > kill2Mark && o.value().getInFlight() != null)
                  .map(o -> o.value().getInFlight().getStartedAt()))
          .as(timeline.explain("the move in flight after the restart is the one persisted"))
          .allMatch(atKill2.getInFlight().getStartedAt()::equals);
      assertThat(failedOver.getHistory()).as(timeline.explain("one record")).hasSize(1);
      FailoverRecord record = failedOver.getHistory().get(0);
      assertThat(record.getFrom()).isEqualTo(TORONTO);
      assertThat(record.getTo()).isEqualTo(CHICAGO);
      assertThat(record.getReason()).isEqualTo("Blackout");
      assertThat(record.getDetectedAt()).isEqualTo(atKill2.getInFlight().getDetectedAt());
      Observed<DataCenterStatus> unreachable =
          timeline.awaitDataCenter(
              TORONTO,
              "Unreachable",
              outageMark,
              s -> s.getPhase() == DataCenterPhase.Unreachable,
              SOON);
      assertThat(record.getDetectedAt())
          .as("the RTO runs from the blackout, across both restarts")
          .isEqualTo(unreachable.value().getLastTransitionTime());
      assertThat(failedOver.getAwaitingFence()).containsExactly(TORONTO);
      Observed<List<String>> switched =
          timeline.awaitDns(
              "at chicago", outageMark, List.of(checks.ingress(CHICAGO))::equals, SOON);
      assertThat(lastBefore(timeline.deployment(CHICAGO), switched.seq()))
          .as(timeline.explain("Chicago when DNS moved to it"))
          .hasValueSatisfying(d -> assertThat(FailoverTimeline.available(d.value())).isTrue());
      System.out.printf(
          "Failover completed across two operator restarts; measured RTO %d ms%n",
          record.getMeasuredRtoMillis());

      // Kill 3: nobody watches while Toronto returns.
      operator.kill();
      long returnMark = timeline.mark();
      toronto.start();
      down.set(false);
      timeline.reconnect(TORONTO);
      Observed<Deployment> asItCameBack =
          timeline.awaitDeployment(TORONTO, "seen again", returnMark, d -> true, SOON);
      assertThat(FailoverTimeline.replicas(asItCameBack.value()))
          .as("Toronto comes back serving at full size: nobody fenced it while it was away")
          .isEqualTo(PolicyDraft.REPLICAS);
      operator.restart();

      Observed<FailoverPolicyStatus> fenced = checks.torontoFencedOnReturn(returnMark);
      checks.torontoUnusedUntilFenced(fenced, returnMark);
    } finally {
      if (down.get()) {
        toronto.start();
      }
    }

    // Exactly one active data center, and everything agrees on it.
    FailoverPolicyStatus end = watch.status().orElseThrow();
    assertThat(settledIn(end, CHICAGO)).as(timeline.explain("settled in Chicago: " + end)).isTrue();
    assertThat(end.getDnsTarget()).isEqualTo(checks.ingress(CHICAGO));
    assertThat(watch.dnsTargets()).containsExactly(checks.ingress(CHICAGO));
    assertThat(FailoverTimeline.available(checks.deployment(CHICAGO))).isTrue();
    assertThat(watch.replicas(TORONTO, policy.deployment())).as("Toronto fenced").isZero();
    assertThat(watch.replicas(WASHINGTON, policy.deployment())).as("a warm standby").isZero();
    assertThat(end.getHistory()).hasSize(1);
    assertThat(end.getAwaitingFence()).isEmpty();
    assertThat(replicaChanges(timeline.deployment(TORONTO), o -> true))
        .as(timeline.explain("Toronto: active, then fenced, and a warm standby since"))
        .containsExactly(PolicyDraft.REPLICAS, 0);
    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
    System.out.println(timeline.describe());
  }

  /** Persisted mid-failover: leaving Toronto for Chicago after a blackout, at one of the steps. */
  private void assertMidFailover(FailoverPolicyStatus status, EnumSet<FailoverStep> steps) {
    String why = timeline.explain("persisted mid-failover: " + status);
    assertThat(status.getPhase()).as(why).isEqualTo(FailoverPhase.FailingOver);
    assertThat(status.getCurrentStep()).as(why).isIn(steps);
    assertThat(status.getActiveDataCenter()).as(why).isEqualTo(TORONTO);
    assertThat(status.getInFlight()).as(why).isNotNull();
    assertThat(status.getInFlight().getFrom()).isEqualTo(TORONTO);
    assertThat(status.getInFlight().getTo()).isEqualTo(CHICAGO);
    assertThat(status.getInFlight().getReason()).isEqualTo("Blackout");
    assertThat(status.getHistory()).isEmpty();
  }
}
