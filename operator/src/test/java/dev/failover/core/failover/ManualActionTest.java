package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import org.junit.jupiter.api.Test;

class ManualActionTest {

  private static Emit rejected(String message) {
    return new Emit(EventReason.ActionRejected, message);
  }

  @Test
  void failoverToStartsAMoveToTheNamedDataCenter() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "c"));

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.FailingOver);
    assertThat(decision.progress().currentStep()).isEqualTo(FailoverStep.PromoteTarget);
    assertThat(decision.progress().lastHandledActionId()).isEqualTo("op-1");
    assertThat(decision.progress().inFlight().reason()).isEqualTo(FailoverReason.ManualFailover);
    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(new Emit(EventReason.FailoverStarted, "Manual failover from a to c"));
    world.settle().assertActiveIn("c");
    assertThat(world.isScaledDown("a")).isTrue();
    assertThat(world.history())
        .extracting(FailoverRecord::reason)
        .containsExactly(FailoverReason.ManualFailover);
  }

  @Test
  void actionWithTheLastHandledIdIsIgnored() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "c"));
    world.settle();
    world.action(ManualAction.failoverTo("op-1", "b"));

    FailoverDecision decision = world.step();

    assertThat(decision.progress()).isEqualTo(world.progress());
    assertThat(decision.actionsOf(Emit.class)).isEmpty();
    world.assertActiveIn("c");
  }

  @Test
  void anOlderIdAppliedAgainIsIgnored() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "c"));
    world.settle();
    world.action(ManualAction.failoverTo("op-2", "b")).settle();

    // A GitOps revert puts the first action back.
    world.action(ManualAction.failoverTo("op-1", "c"));
    FailoverDecision decision = world.step();

    assertThat(decision.progress()).isEqualTo(world.progress());
    assertThat(decision.actionsOf(Emit.class)).isEmpty();
    world.assertActiveIn("b");
    assertThat(world.progress().earlierActionIds()).containsExactly("op-1");
  }

  @Test
  void onlyTheLatestTwentyIdsAreRemembered() {
    FailoverProgress progress = FailoverProgress.initial();
    for (int i = 1; i <= 25; i++) {
      progress = progress.handled("op-" + i);
    }

    assertThat(progress.lastHandledActionId()).isEqualTo("op-25");
    assertThat(progress.earlierActionIds())
        .hasSize(FailoverProgress.EARLIER_ACTION_IDS)
        .startsWith("op-24")
        .endsWith("op-6");
    assertThat(progress.hasHandled("op-6")).isTrue();
    assertThat(progress.hasHandled("op-5")).isFalse();
    assertThat(progress.handled("op-25")).isEqualTo(progress);
  }

  @Test
  void theMoveAndItsRecordNameTheActionThatAskedForIt() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-7", "c"));

    FailoverDecision started = world.step();

    assertThat(started.progress().inFlight().actionId()).isEqualTo("op-7");
    world.settle();
    assertThat(world.history()).extracting(FailoverRecord::actionId).containsExactly("op-7");
  }

  @Test
  void aMoveNoActionAskedForNamesNone() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", DataCenterPhase.Unreachable);

    world.settle();

    assertThat(world.history()).extracting(FailoverRecord::actionId).containsOnlyNulls();
  }

  @Test
  void newIdForTheSameRequestIsActedOnAgain() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "c"));
    world.settle();

    world.action(ManualAction.failoverTo("op-2", "b")).settle();

    world.assertActiveIn("b");
    assertThat(world.progress().lastHandledActionId()).isEqualTo("op-2");
  }

  @Test
  void rejectsAnUnknownDataCenterNamingTheAllowedOnes() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "frankfurt"));

    FailoverDecision decision = world.step();

    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            rejected(
                "FailoverTo frankfurt rejected: frankfurt is not one of this policy's data"
                    + " centers (a, b, c)"));
    assertThat(decision.progress().lastHandledActionId()).isEqualTo("op-1");
    assertThat(decision.progress().inFlight()).isNull();
    assertThat(world.step().actionsOf(Emit.class)).as("rejected once").isEmpty();
  }

  @Test
  void rejectsAFailoverWithoutATarget() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", ""));

    assertThat(world.decide().actionsOf(Emit.class))
        .containsExactly(rejected("FailoverTo rejected: it needs a target data center"));
  }

  @Test
  void rejectsAnUnhealthyTarget() {
    assertThat(rejectionFor(Degraded))
        .isEqualTo("FailoverTo b rejected: b is Degraded, and a planned move needs a Healthy one");
    assertThat(rejectionFor(Probation))
        .isEqualTo("FailoverTo b rejected: b is Probation, and a planned move needs a Healthy one");
    assertThat(rejectionFor(Unreachable)).isEqualTo("FailoverTo b rejected: b is unreachable");
    assertThat(rejectionFor(DataCenterPhase.Excluded))
        .isEqualTo("FailoverTo b rejected: b is Excluded, and a planned move needs a Healthy one");
  }

  private static String rejectionFor(DataCenterPhase phase) {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("b", phase).action(ManualAction.failoverTo("x", "b"));
    FailoverDecision decision = world.decide();
    assertThat(decision.progress().inFlight()).isNull();
    return decision.actionsOf(Emit.class).get(0).message();
  }

  @Test
  void rejectsATargetWithoutSpareCapacity() {
    SimulatedWorld world =
        SimulatedWorld.activeInA()
            .spareCapacity("b", false)
            .action(ManualAction.failoverTo("op-1", "b"));

    assertThat(world.decide().actionsOf(Emit.class))
        .containsExactly(rejected("FailoverTo b rejected: b has no spare capacity"));
  }

  @Test
  void rejectsATargetThatStillAwaitsItsFence() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable).settle();
    world.phase("a", Healthy).reachable("a", false).action(ManualAction.failoverTo("op-1", "a"));

    assertThat(world.decide().actionsOf(Emit.class))
        .containsExactly(
            rejected(
                "FailoverTo a rejected: a must be fenced first: this policy was active there"
                    + " when it became unreachable"));
  }

  @Test
  void failoverToTheActiveDataCenterIsIgnoredWithAnEvent() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("op-1", "a"));

    FailoverDecision decision = world.step();

    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(rejected("FailoverTo a ignored: the workload already runs there"));
    assertThat(decision.progress().lastHandledActionId()).isEqualTo("op-1");
    world.assertActiveIn("a");
  }

  @Test
  void failbackMovesToThePrimaryEvenInManualMode() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.Priority, StandbyMode.Warm, FailbackMode.Manual)
            .settle()
            .phase("a", Unreachable)
            .settle()
            .phase("a", Healthy);
    world.steps(5);
    world.assertActiveIn("b");

    FailoverDecision started = world.action(ManualAction.failback("fb-1")).step();

    assertThat(started.progress().phase()).isEqualTo(FailoverPhase.FailingBack);
    assertThat(started.actionsOf(Emit.class))
        .containsExactly(new Emit(EventReason.FailbackStarted, "Manual failback from b to a"));
    world.settle().assertActiveIn("a");
    assertThat(world.history())
        .extracting(FailoverRecord::reason)
        .containsExactly(FailoverReason.Blackout, FailoverReason.ManualFailback);
  }

  @Test
  void failbackOnThePrimaryIsIgnoredWithAnEvent() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failback("fb-1"));

    assertThat(world.decide().actionsOf(Emit.class))
        .containsExactly(rejected("Failback ignored: the workload already runs in its primary, a"));
  }

  @Test
  void failbackToAnUnhealthyPrimaryIsRejected() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("a", Unreachable).settle().phase("a", Probation);
    world.steps(2);

    FailoverDecision decision = world.action(ManualAction.failback("fb-1")).decide();

    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            rejected(
                "Failback to a rejected: a is Probation, and a planned move needs a Healthy"
                    + " one"));
  }

  @Test
  void failbackBeforeAnyPlacementIsRejected() {
    SimulatedWorld world =
        SimulatedWorld.standard()
            .phase("a", DataCenterPhase.Pending)
            .phase("b", DataCenterPhase.Pending)
            .phase("c", DataCenterPhase.Pending)
            .action(ManualAction.failback("fb-1"));

    assertThat(world.decide().actionsOf(Emit.class))
        .containsExactly(rejected("Failback rejected: the workload has not been placed yet"));
  }

  @Test
  void actionArrivingDuringAMoveWaitsForTheMoveToEnd() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable);
    world.step();
    world.action(ManualAction.failoverTo("op-1", "c"));

    FailoverDecision during = world.step();
    assertThat(during.progress().lastHandledActionId()).isNull();
    assertThat(during.progress().inFlight().to()).isEqualTo("b");

    world.settle();
    world.settle();
    world.assertActiveIn("c");
    assertThat(world.progress().lastHandledActionId()).isEqualTo("op-1");
  }

  @Test
  void failoverToBeforeThePlacementPlacesThereDirectly() {
    SimulatedWorld world =
        SimulatedWorld.standard()
            .phase("a", DataCenterPhase.Pending)
            .phase("c", DataCenterPhase.Pending);
    world.action(ManualAction.failoverTo("op-1", "b"));

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Pending);
    assertThat(decision.progress().inFlight().from()).isNull();
    world.settle().assertActiveIn("b");
    assertThat(world.history()).isEmpty();
    assertThat(world.eventReasons())
        .containsExactly(EventReason.FailoverStarted, EventReason.Placed);
  }

  @Test
  void manualFailoverIsAbandonedWhenItsTargetDegrades() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().neverAvailable("c").action(ManualAction.failoverTo("op-1", "c"));
    world.step();

    world.phase("c", Degraded);
    FailoverDecision decision = world.step();

    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.MoveAbandoned,
                "Manual failover to c abandoned: c is Degraded; staying in a"));
    world.assertActiveIn("a");
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.InitialPlacement);
  }
}
