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
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.FailoverTimeline.Observed;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Toronto, where a policy runs, is stopped (a blackout). The workload moves to Chicago, its
 * DNSEndpoint follows, and the move is recorded with its measured RTO; Toronto waits for its fence.
 * When Toronto is started again it is scaled to zero before it is re-admitted, and the policy fails
 * back to it after the stabilization window, make-before-break. Once with a hot standby, once with
 * a warm one.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlackoutFailoverE2E {
  private static final String NAMESPACE = "e2e-blackout";
  private static final String WINDOW = "5s";

  private FailoverWorld world;
  private OperatorProcess operator;
  private PolicyDraft policy;
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
    if (policy != null) {
      policy.deleteFrom(world);
    }
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void hotStandbyTakesOverAndTorontoIsFencedOnReturnThenFailedBackTo() {
    blackoutFailoverFenceAndFailback(
        PolicyDraft.of(NAMESPACE, "hot")
            .withStandby(StandbyMode.Hot)
            .withAutomaticFailback(WINDOW));
  }

  @Test
  @Order(2)
  void warmStandbyIsScaledUpOnFailoverAndTorontoIsFencedOnReturnThenFailedBackTo() {
    blackoutFailoverFenceAndFailback(
        PolicyDraft.of(NAMESPACE, "warm")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback(WINDOW));
  }

  private void blackoutFailoverFenceAndFailback(PolicyDraft small) {
    policy = small;
    BlackoutChecks.awaitAllHealthy(world);
    timeline = FailoverTimeline.start(world, policy).withDiagnostics(() -> operator.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, policy, timeline);
    policy.applyTo(world);
    checks.settledInToronto();
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long outageMark = timeline.mark();
    Instant outageAt = Instant.now();
    timeline.disconnect(TORONTO);
    toronto.stop();
    AtomicBoolean down = new AtomicBoolean(true);
    long returnMark;
    try {
      checks.failedOverToChicago(outageAt, outageMark, "refused");
      assertThat(replicaChanges(timeline.deployment(WASHINGTON), o -> true))
          .as("Washington stays a standby")
          .containsExactly(policy.standbyMode() == StandbyMode.Hot ? PolicyDraft.REPLICAS : 0);

      returnMark =
          checks.bringTorontoBack(
              () -> {
                toronto.start();
                down.set(false);
              });
    } finally {
      if (down.get()) {
        toronto.start();
      }
    }

    Observed<FailoverPolicyStatus> fenced = checks.torontoFencedOnReturn(returnMark);
    checks.torontoUnusedUntilFenced(fenced, returnMark);
    Observed<DataCenterStatus> readmitted =
        timeline.awaitDataCenter(
            TORONTO,
            "Healthy again",
            returnMark,
            s -> s.getPhase() == DataCenterPhase.Healthy,
            SETTLE);

    // Automatic failback, only once Toronto has been Healthy for the stabilization window. Looked
    // for after Toronto's return: during the failover itself, Toronto is still the active one.
    Observed<FailoverPolicyStatus> leaving =
        timeline.awaitStatus(
            "failing back or back in toronto",
            returnMark,
            s ->
                s.getPhase() == FailoverPhase.FailingBack
                    || TORONTO.equals(s.getActiveDataCenter()),
            SETTLE);
    assertThat(fenced.revision()).isLessThan(leaving.revision());
    FailoverPolicyStatus back =
        timeline
            // From the failback on: a status written after the mark but before the cut took
            // effect is still settled in Toronto.
            .awaitStatus("back in toronto", leaving.seq() - 1, s -> settledIn(s, TORONTO), SETTLE)
            .value();
    assertThat(back.getHistory()).as(timeline.explain("history")).hasSize(2);
    FailoverRecord failback = back.getHistory().get(0);
    Instant healthySince = Instant.parse(readmitted.value().getLastTransitionTime());
    // A failback's detectedAt is when the operator decided to fail back.
    assertThat(Instant.parse(failback.getDetectedAt()))
        .as(
            timeline.explain(
                "failback starts once Toronto (Healthy since "
                    + healthySince
                    + ") has been Healthy for "
                    + WINDOW))
        .isAfterOrEqualTo(healthySince.plus(Duration.ofSeconds(5)));
    Observed<List<String>> trafficBack =
        timeline.awaitDns(
            "back at toronto", leaving.seq() - 1, List.of(checks.ingress(TORONTO))::equals, SOON);

    // Make before break: Toronto Available, Chicago still serving, when DNS moved back.
    assertThat(lastBefore(timeline.deployment(TORONTO), trafficBack.seq()))
        .as(timeline.explain("Toronto's Deployment when DNS moved back to it"))
        .hasValueSatisfying(
            d -> {
              assertThat(FailoverTimeline.available(d.value())).isTrue();
              assertThat(d.seq()).isGreaterThan(returnMark);
            });
    assertThat(lastBefore(timeline.deployment(CHICAGO), trafficBack.seq()))
        .as(timeline.explain("Chicago's Deployment when DNS moved back to Toronto"))
        .hasValueSatisfying(d -> assertThat(FailoverTimeline.available(d.value())).isTrue());
    // Toronto: the fence, then full size again (a hot standby at once, a warm one on failback).
    assertThat(replicaChanges(timeline.deployment(TORONTO), o -> o.revision() > 0))
        .as(timeline.explain("Toronto's replicas over the whole test"))
        .containsExactly(PolicyDraft.REPLICAS, 0, PolicyDraft.REPLICAS);
    // Chicago, the old active, is fenced last; a hot standby then returns to full size.
    List<Integer> chicagoAfter = List.of(0);
    if (policy.standbyMode() == StandbyMode.Hot) {
      timeline.awaitDeployment(
          CHICAGO, "a hot standby again", trafficBack.seq(), FailoverTimeline::available, SETTLE);
      chicagoAfter = List.of(0, PolicyDraft.REPLICAS);
    } else {
      timeline.awaitDeployment(
          CHICAGO,
          "a warm standby again",
          trafficBack.seq(),
          d -> FailoverTimeline.replicas(d) == 0,
          SETTLE);
    }
    assertThat(replicaChanges(timeline.deployment(CHICAGO), o -> o.seq() > trafficBack.seq()))
        .as(timeline.explain("Chicago after traffic left it"))
        .isEqualTo(chicagoAfter);

    assertThat(failback.getType()).isEqualTo(FailoverType.Failback);
    assertThat(failback.getFrom()).isEqualTo(CHICAGO);
    assertThat(failback.getTo()).isEqualTo(TORONTO);
    assertThat(failback.getReason()).isEqualTo("AutomaticFailback");
    assertThat(back.getHistory().get(1).getReason()).isEqualTo("Blackout");
    assertThat(back.getAwaitingFence()).isEmpty();
    timeline.awaitEvent("FailbackStarted", SOON);
    timeline.awaitEvent("FailbackCompleted", SOON);
    assertThat(timeline.events("Fenced")).hasSize(1);
    assertThat(timeline.events("FailoverStarted")).hasSize(1);

    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
    System.out.println(timeline.describe());
  }
}
