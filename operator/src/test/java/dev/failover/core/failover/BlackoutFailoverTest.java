package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SwitchTraffic;
import static dev.failover.core.failover.ReplicasMode.Full;
import static dev.failover.core.failover.ReplicasMode.ScaledDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RecordFailover;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A blackout of the active data center a, step by step, with warm standbys in b and c. */
class BlackoutFailoverTest {

  private static SimulatedWorld blackedOut() {
    return SimulatedWorld.activeInA().phase("a", Unreachable);
  }

  @Test
  void blackoutStartsAFailoverToTheNextDataCenterByPriority() {
    SimulatedWorld world = blackedOut();

    FailoverDecision decision = world.decide();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.FailingOver);
    assertThat(decision.progress().currentStep()).isEqualTo(PromoteTarget);
    assertThat(decision.progress().activeDataCenter()).isEqualTo("a");
    InFlightFailover move = decision.progress().inFlight();
    assertThat(move.from()).isEqualTo("a");
    assertThat(move.to()).isEqualTo("b");
    assertThat(move.reason()).isEqualTo(FailoverReason.Blackout);
    assertThat(decision.actions())
        .containsExactly(
            new EnsureWorkload("b", Full),
            new EnsureWorkload("c", ScaledDown),
            new PointTrafficAt("a"),
            new Emit(
                EventReason.FailoverStarted,
                "Failing over from a to b (Healthy): a is unreachable (blackout)"));
    assertThat(decision.message())
        .isEqualTo(
            "Failing over from a to b (a is unreachable (blackout)): starting the workload in b");
  }

  @Test
  void blackoutPassesOverADataCenterWithoutSpareCapacityAndSaysSo() {
    SimulatedWorld world = blackedOut().spareCapacity("b", false);

    FailoverDecision decision = world.decide();

    assertThat(decision.progress().inFlight().to()).isEqualTo("c");
    assertThat(decision.actions())
        .contains(
            new Emit(
                EventReason.FailoverStarted,
                "Failing over from a to c (Healthy): a is unreachable (blackout); passed over for"
                    + " lack of spare capacity: b"));
  }

  @Test
  void measuresFromWhenTheDataCenterWentDarkNotWhenTheOperatorNoticed() {
    SimulatedWorld world = blackedOut();
    Instant wentDark = world.now();
    world.advance(Duration.ofSeconds(5));

    InFlightFailover move = world.decide().progress().inFlight();

    assertThat(move.detectedAt()).isEqualTo(wentDark);
    assertThat(move.startedAt()).isEqualTo(wentDark.plusSeconds(5));
  }

  @Test
  void waitsInPromoteTargetUntilTheStandbyIsScaledUp() {
    SimulatedWorld world = blackedOut();

    FailoverDecision once = world.decide();
    FailoverDecision again = world.decide();

    assertThat(again).isEqualTo(once);
    assertThat(again.progress().currentStep()).isEqualTo(PromoteTarget);
  }

  @Test
  void coldStandbyIsAppliedFromScratchAndOthersStayAbsent() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.Priority, StandbyMode.Cold, FailbackMode.Automatic)
            .settle();
    assertThat(world.isAbsent("b")).isTrue();
    world.phase("a", Unreachable);

    FailoverDecision decision = world.step();

    assertThat(decision.actions()).contains(new EnsureWorkload("b", Full), new RemoveWorkload("c"));
    assertThat(world.isFull("b")).isTrue();
    world.settle().assertActiveIn("b");
    assertThat(world.isAbsent("c")).isTrue();
  }

  @Test
  void hotStandbyTakesTrafficInTheFirstDecision() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.Priority, StandbyMode.Hot, FailbackMode.Automatic)
            .settle()
            .phase("a", Unreachable);

    FailoverDecision first = world.step();
    assertThat(first.progress().currentStep()).isEqualTo(SwitchTraffic);
    assertThat(first.progress().activeDataCenter()).isEqualTo("b");
    assertThat(first.actions()).contains(new PointTrafficAt("b"));

    FailoverDecision second = world.step();
    assertThat(second.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(world.history().get(0).measuredRto()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void keepsTrafficOnTheOldActiveUntilTheTargetIsAvailable() {
    SimulatedWorld world = blackedOut().neverAvailable("b");

    world.steps(5);

    assertThat(world.progress().currentStep()).isEqualTo(AwaitTargetAvailable);
    assertThat(world.progress().activeDataCenter()).isEqualTo("a");
    assertThat(world.traffic()).isEqualTo("a");
    assertThat(world.isFull("b")).isTrue();
    assertThat(world.lastDecision().message())
        .endsWith("waiting for the workload to become Available in b");

    world.availableAgain("b").settle().assertActiveIn("b");
  }

  @Test
  void switchIsCompleteOnlyWhenTheDnsRecordPointsAtTheTarget() {
    SimulatedWorld world = blackedOut();
    world.steps(2);
    assertThat(world.progress().currentStep()).isEqualTo(SwitchTraffic);

    // A DNS provider that has not taken the write yet.
    world.traffic("a");
    FailoverDecision decision = world.step();
    world.traffic("a");

    assertThat(decision.progress().currentStep()).isEqualTo(SwitchTraffic);
    assertThat(decision.progress().activeDataCenter()).isEqualTo("b");
    assertThat(decision.actions()).contains(new PointTrafficAt("b"));
    assertThat(decision.message()).endsWith("waiting for traffic to point at b");
  }

  @Test
  void defersTheFenceOfAnUnreachableOldActiveAndCompletes() {
    SimulatedWorld world = blackedOut();
    world.steps(2);

    FailoverDecision completing = world.step();

    assertThat(completing.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(completing.progress().activeDataCenter()).isEqualTo("b");
    assertThat(completing.progress().awaitingFence()).containsExactly("a");
    assertThat(completing.actionsOf(Emit.class))
        .extracting(Emit::reason)
        .containsExactly(EventReason.FenceDeferred, EventReason.FailoverCompleted);
    assertThat(completing.actionsOf(Emit.class).get(0).message())
        .isEqualTo(
            "a cannot be reached to fence it; it will be scaled to zero on its return, before it"
                + " may take traffic again");
    assertThat(completing.message()).isEqualTo("Active in b; to fence on return: a");
  }

  @Test
  void recordsTheFailoverWithItsMeasuredRto() {
    SimulatedWorld world = blackedOut();
    Instant wentDark = world.now();

    world.settle();

    assertThat(world.history()).hasSize(1);
    FailoverRecord record = world.history().get(0);
    assertThat(record.from()).isEqualTo("a");
    assertThat(record.to()).isEqualTo("b");
    assertThat(record.reason()).isEqualTo(FailoverReason.Blackout);
    assertThat(record.detectedAt()).isEqualTo(wentDark);
    assertThat(record.completedAt()).isEqualTo(wentDark.plusSeconds(2));
    assertThat(record.measuredRto()).isEqualTo(Duration.ofSeconds(2));
    assertThat(world.events().get(world.events().size() - 1))
        .isEqualTo(
            new Emit(
                EventReason.FailoverCompleted,
                "Failed over from a to b (a is unreachable (blackout)); measured RTO 2s"));
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.Blackout);
  }

  @Test
  void completionTimeIsWhenTrafficMovedEvenWhenTheRecordComesLater() {
    // A degraded a stays reachable, so the move waits in FenceOldActive after the switch.
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Degraded);
    world.steps(3);
    assertThat(world.progress().currentStep())
        .isEqualTo(dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.FenceOldActive);
    Instant switched = world.progress().inFlight().completedAt();
    assertThat(switched).isEqualTo(world.now().minusSeconds(1));
    world.advance(Duration.ofSeconds(7));

    FailoverDecision first = world.decide();
    world.advance(Duration.ofSeconds(30));
    FailoverDecision retried = world.decide();

    assertThat(first.actionsOf(RecordFailover.class))
        .extracting(action -> action.record().completedAt())
        .containsExactly(switched);
    assertThat(retried.actionsOf(RecordFailover.class))
        .isEqualTo(first.actionsOf(RecordFailover.class));
  }

  @Test
  void workloadNotAvailableInAHealthyActiveDataCenterIsAMinorFailure() {
    SimulatedWorld world = SimulatedWorld.activeInA().neverAvailable("a").scaledDown("a");
    world.step();

    FailoverDecision decision = world.step();

    assertThat(world.observations().get("a").available()).isFalse();
    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.progress().inFlight()).isNull();
    assertThat(decision.actions())
        .containsExactly(
            new EnsureWorkload("a", Full),
            new EnsureWorkload("b", ScaledDown),
            new EnsureWorkload("c", ScaledDown),
            new PointTrafficAt("a"));
  }

  @Test
  void oneFailedProbeOfTheTargetDoesNotDropIt() {
    SimulatedWorld world = blackedOut();
    world.step();

    // Its latest probe failed, but it is still Healthy: below the failure threshold.
    world.reachable("b", false);
    FailoverDecision decision = world.step();

    assertThat(decision.progress().inFlight().to()).isEqualTo("b");
    assertThat(decision.actionsOf(Emit.class)).isEmpty();
    world.reachable("b", true).settle().assertActiveIn("b");
  }

  @Test
  void choosesAnotherTargetWhenTheFirstOneFailsDuringPromotion() {
    SimulatedWorld world = blackedOut();
    world.step();

    world.phase("b", Unreachable);
    FailoverDecision decision = world.step();

    assertThat(decision.progress().inFlight().to()).isEqualTo("c");
    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.TargetLost,
                "b is unreachable and can no longer take the workload; choosing another target"),
            new Emit(
                EventReason.FailoverStarted,
                "Failing over from a to c (Healthy): a is unreachable (blackout)"));
    world.settle().assertActiveIn("c");
  }

  @Test
  void aDegradedTargetIsKeptOnceChosenButAnExcludedOneIsNot() {
    SimulatedWorld world = blackedOut().neverAvailable("b");
    world.step();

    world.phase("b", Degraded);
    assertThat(world.step().progress().inFlight().to()).isEqualTo("b");

    world.phase("b", dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded);
    assertThat(world.step().progress().inFlight().to()).isEqualTo("c");
  }

  @Test
  void isUnavailableWhileNoDataCenterCanTakeTheWorkload() {
    SimulatedWorld world = blackedOut().phase("b", Unreachable).phase("c", Restoring);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Unavailable);
    assertThat(decision.progress().activeDataCenter()).isEqualTo("a");
    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.NoHealthyDataCenter,
                "No data center can take the workload: a is unreachable, b is unreachable,"
                    + " c is Restoring"));
    assertThat(decision.message())
        .isEqualTo(
            "No data center can take the workload: a is unreachable, b is unreachable,"
                + " c is Restoring");
    assertThat(world.steps(3))
        .allSatisfy(later -> assertThat(later.actionsOf(Emit.class)).isEmpty());
  }

  @Test
  void resumesFromUnavailableWhenATargetAppears() {
    SimulatedWorld world = blackedOut().phase("b", Unreachable).phase("c", Restoring);
    world.steps(3);

    world.phase("c", Probation).settle();

    world.assertActiveIn("c");
    assertThat(world.eventReasons())
        .containsSubsequence(
            EventReason.NoHealthyDataCenter,
            EventReason.FailoverStarted,
            EventReason.FenceDeferred,
            EventReason.FailoverCompleted);
  }

  @Test
  void staysWhenTheOldActiveRecoversBeforeAnyTargetDoes() {
    SimulatedWorld world = blackedOut().phase("b", Unreachable).phase("c", Unreachable);
    world.steps(3);

    world.phase("a", Restoring);
    assertThat(world.step().progress().phase())
        .as("Restoring cannot serve yet")
        .isEqualTo(FailoverPhase.Unavailable);

    world.phase("a", Probation);
    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.progress().activeDataCenter()).isEqualTo("a");
    assertThat(decision.progress().awaitingFence()).isEmpty();
    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.FailoverCancelled,
                "Staying in a: it is Probation and no other data center can take the workload"));
    assertThat(world.history()).isEmpty();
    world.assertActiveIn("a");
  }

  @Test
  void secondBlackoutOfTheNewActiveMovesOnAgain() {
    SimulatedWorld world = blackedOut().settle();

    world.phase("b", Unreachable).settle();

    world.assertActiveIn("c");
    assertThat(world.progress().awaitingFence()).containsExactly("a", "b");
    assertThat(world.history())
        .extracting(FailoverRecord::from, FailoverRecord::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "b"),
            org.assertj.core.groups.Tuple.tuple("b", "c"));
  }

  @Test
  void lowestLatencyFailsOverToTheFastestHealthyDataCenter() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.Priority, StandbyMode.Warm, FailbackMode.Manual)
            .settle();
    world.settings(
        new PolicySettings(
            dev.failover.core.placement.PlacementPreference.of(
                PlacementStrategy.LowestLatency, "a", "b", "c"),
            StandbyMode.Warm,
            FailbackMode.Manual));

    world.phase("a", Unreachable).settle();

    world.assertActiveIn("c");
    assertThat(world.viewOf("c").phase()).isEqualTo(Healthy);
  }
}
