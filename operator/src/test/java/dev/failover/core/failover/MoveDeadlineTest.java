package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every move has a deadline, the RTO, on each target it tries. */
class MoveDeadlineTest {
  private static final Duration RTO = Duration.ofSeconds(30);

  /** Active in a with warm standbys; the RTO is 30 s. */
  private static SimulatedWorld world() {
    return SimulatedWorld.activeInA()
        .settings(
            new PolicySettings(
                PlacementPreference.of(PlacementStrategy.Priority, "a", "b", "c"),
                StandbyMode.Warm,
                FailbackMode.Manual,
                RTO));
  }

  @Test
  void aFailoverWhoseTargetMissesTheDeadlineTriesTheNextDataCenter() {
    SimulatedWorld world = world().neverAvailable("b").phase("a", Unreachable);
    world.step();
    world.step();
    assertThat(world.decide().progress().currentStep()).isEqualTo(AwaitTargetAvailable);

    world.advance(RTO);
    FailoverDecision overdue = world.decide();

    assertThat(overdue.progress().inFlight().to()).isEqualTo("c");
    assertThat(overdue.progress().currentStep()).isEqualTo(PromoteTarget);
    assertThat(overdue.progress().inFlight().startedAt())
        .as("a fresh deadline for the next target")
        .isEqualTo(world.now());
    assertThat(overdue.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.TargetLost,
                "b did not take the workload within the deadline of 30s (the RTO); trying c"));
    world.step();
    assertThat(world.settle().progress().activeDataCenter()).isEqualTo("c");
  }

  @Test
  void withNowhereElseToGoTheFailoverKeepsItsTargetAndSaysItIsOverdue() {
    SimulatedWorld world =
        world().neverAvailable("b").phase("c", Unreachable).phase("a", Unreachable);
    world.step();
    world.step();

    world.advance(RTO.plusSeconds(5));
    FailoverDecision overdue = world.decide();

    assertThat(overdue.progress().inFlight().to()).isEqualTo("b");
    assertThat(overdue.actionsOf(Emit.class)).isEmpty();
    assertThat(overdue.message()).endsWith("; past the deadline of 30s (the RTO)");
  }

  @Test
  void aPlannedMoveThatMissesTheDeadlineIsAbandonedAndTheWorkloadStays() {
    SimulatedWorld world =
        world().neverAvailable("b").action(ManualAction.failoverTo("move-1", "b"));
    world.step();
    world.step();
    assertThat(world.decide().progress().phase()).isEqualTo(FailoverPhase.FailingOver);

    world.advance(RTO);
    FailoverDecision overdue = world.decide();

    assertThat(overdue.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(overdue.progress().activeDataCenter()).isEqualTo("a");
    assertThat(overdue.progress().inFlight()).isNull();
    assertThat(overdue.actionsOf(Emit.class))
        .extracting(Emit::reason)
        .containsExactly(EventReason.MoveAbandoned);
  }
}
