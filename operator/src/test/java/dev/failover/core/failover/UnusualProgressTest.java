package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Status a person edited, or that an older operator wrote, must not wedge the machine. */
class UnusualProgressTest {

  @Test
  void stepWithoutATargetGoesBackToSelectTarget() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable);
    Instant now = world.now();
    world.progress(
        world
            .progress()
            .startingMove(
                FailoverPhase.FailingOver,
                FailoverStep.AwaitTargetAvailable,
                InFlightFailover.starting("a", null, FailoverReason.Blackout, now, now)));

    FailoverDecision decision = world.decide();

    assertThat(decision.progress().inFlight().to()).isEqualTo("b");
    assertThat(decision.progress().currentStep()).isEqualTo(FailoverStep.PromoteTarget);
  }

  @Test
  void moveWithoutAStepResumesAtPromoteTarget() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable);
    Instant now = world.now();
    world.progress(
        world
            .progress()
            .startingMove(
                FailoverPhase.FailingOver,
                null,
                InFlightFailover.starting("a", "c", FailoverReason.Blackout, now, now)));

    assertThat(world.decide().progress().currentStep()).isEqualTo(FailoverStep.PromoteTarget);
    world.settle().assertActiveIn("c");
  }

  @Test
  void unavailablePhaseWithoutAMoveStartsOneFromTheActive() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable);
    world.progress(world.progress().inPhase(FailoverPhase.Unavailable));

    world.settle();

    world.assertActiveIn("b");
  }

  @Test
  void listedDataCenterWithoutAViewIsTreatedAsUnprobed() {
    SimulatedWorld world = SimulatedWorld.standard();
    PolicySituation full = world.situation();
    PolicySituation withoutA =
        new PolicySituation(
            full.progress(),
            full.settings(),
            List.of(world.viewOf("b"), world.viewOf("c")),
            full.workloads(),
            null,
            null,
            full.now());

    FailoverDecision decision = new FailoverStateMachine().decide(withoutA);

    assertThat(withoutA.phaseOf("a"))
        .isEqualTo(dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending);
    assertThat(withoutA.reachable("a")).isFalse();
    assertThat(decision.progress().inFlight().to()).isEqualTo("b");
  }

  @Test
  void fenceOfADataCenterNoLongerListedIsStillCarriedOut() {
    SimulatedWorld world = SimulatedWorld.activeInA().running("c");
    world.progress(
        new FailoverProgress(
            FailoverPhase.Active, "a", FailoverReason.Blackout, null, null, null, Set.of("c")));
    world.settings(
        new PolicySettings(
            dev.failover.core.placement.PlacementPreference.of(
                dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy.Priority, "a", "b"),
            world.settings().standbyMode(),
            world.settings().failbackMode()));

    world.step();
    FailoverDecision confirmed = world.step();

    assertThat(world.isScaledDown("c")).isTrue();
    assertThat(confirmed.progress().awaitingFence()).isEmpty();
  }
}
