package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SelectTarget;
import static dev.failover.core.failover.ReplicasMode.Full;
import static dev.failover.core.failover.ReplicasMode.ScaledDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import org.junit.jupiter.api.Test;

class InitialPlacementTest {

  @Test
  void placesANewPolicyOnThePrimaryByPriority() {
    FailoverDecision first = SimulatedWorld.standard().decide();

    assertThat(first.progress().phase()).isEqualTo(FailoverPhase.Pending);
    assertThat(first.progress().currentStep()).isEqualTo(PromoteTarget);
    assertThat(first.progress().inFlight().from()).isNull();
    assertThat(first.progress().inFlight().to()).isEqualTo("a");
    assertThat(first.progress().inFlight().reason()).isEqualTo(FailoverReason.InitialPlacement);
    assertThat(first.actions())
        .containsExactly(
            new EnsureWorkload("a", Full),
            new EnsureWorkload("b", ScaledDown),
            new EnsureWorkload("c", ScaledDown));
    assertThat(first.message()).isEqualTo("Placing in a: starting the workload in a");
  }

  @Test
  void placesOnTheLowestLatencyDataCenter() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.LowestLatency, StandbyMode.Warm, FailbackMode.Automatic)
            .settle();

    world.assertActiveIn("c");
  }

  @Test
  void completesWithoutAFenceOrAHistoryRecord() {
    SimulatedWorld world = SimulatedWorld.standard().settle();

    world.assertActiveIn("a");
    assertThat(world.eventReasons()).containsExactly(EventReason.Placed);
    assertThat(world.events().get(0).message()).isEqualTo("Placed in a");
    assertThat(world.history()).isEmpty();
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.InitialPlacement);
    assertThat(world.lastDecision().message()).isEqualTo("Active in a");
  }

  @Test
  void pointsTrafficOnlyOnceTheWorkloadIsAvailable() {
    SimulatedWorld world = SimulatedWorld.standard();

    FailoverDecision promoting = world.step();
    assertThat(promoting.actionsOf(PointTrafficAt.class)).isEmpty();

    assertThat(world.observations().get("a").available()).isTrue();
    FailoverDecision switching = world.step();
    assertThat(switching.actionsOf(PointTrafficAt.class)).containsExactly(new PointTrafficAt("a"));
    assertThat(switching.progress().activeDataCenter()).isEqualTo("a");
  }

  @Test
  void waitsQuietlyWhileDataCentersAreUnprobed() {
    SimulatedWorld world =
        SimulatedWorld.standard().phase("a", Pending).phase("b", Pending).phase("c", Pending);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Pending);
    assertThat(decision.progress().currentStep()).isEqualTo(SelectTarget);
    assertThat(decision.actionsOf(FailoverAction.Emit.class)).isEmpty();
    assertThat(decision.message())
        .isEqualTo(
            "Waiting to place the workload: a is not probed yet, b is not probed yet,"
                + " c is not probed yet");
  }

  @Test
  void placesOnTheBestProbedDataCenterAndFailsBackOnceThePrimaryIsHealthy() {
    SimulatedWorld world = SimulatedWorld.standard().phase("a", Pending).settle();
    world.assertActiveIn("b");

    world.phase("a", Healthy).settle();

    world.assertActiveIn("a");
    assertThat(world.history())
        .extracting(FailoverRecord::reason)
        .containsExactly(FailoverReason.AutomaticFailback);
  }

  @Test
  void becomesUnavailableWithOneEventWhenNoDataCenterQualifies() {
    SimulatedWorld world =
        SimulatedWorld.standard()
            .phase("a", Unreachable)
            .phase("b", Excluded)
            .spareCapacity("c", false);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Unavailable);
    assertThat(decision.actionsOf(FailoverAction.Emit.class))
        .containsExactly(
            new FailoverAction.Emit(
                EventReason.NoHealthyDataCenter,
                "No data center can take the workload: a is unreachable, b is Excluded,"
                    + " c has no spare capacity"));
    assertThat(world.steps(5))
        .allSatisfy(later -> assertThat(later.actionsOf(FailoverAction.Emit.class)).isEmpty());
  }

  @Test
  void placesOnceADataCenterQualifiesAgain() {
    SimulatedWorld world = SimulatedWorld.standard().phase("a", Unreachable).phase("b", Excluded);
    world.spareCapacity("c", false).steps(3);

    world.phase("b", Healthy).settle();

    world.assertActiveIn("b");
    assertThat(world.eventReasons())
        .containsExactly(EventReason.NoHealthyDataCenter, EventReason.Placed);
  }

  @Test
  void choosesAnotherTargetWhenThePlacementTargetFails() {
    SimulatedWorld world = SimulatedWorld.standard();
    world.step();

    world.phase("a", Unreachable);
    FailoverDecision decision = world.step();

    assertThat(decision.progress().inFlight().to()).isEqualTo("b");
    assertThat(decision.actionsOf(FailoverAction.Emit.class))
        .extracting(FailoverAction.Emit::reason)
        .containsExactly(EventReason.TargetLost);
    world.settle().assertActiveIn("b");
  }
}
