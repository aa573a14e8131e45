package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.placement.PlacementPreference;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailoverTriggersTest {

  /** Which phase of the active data center starts which failover, with healthy alternatives. */
  private static final Map<DataCenterPhase, Optional<FailoverReason>> TRIGGERS =
      Map.of(
          DataCenterPhase.Healthy, Optional.empty(),
          DataCenterPhase.Pending, Optional.empty(),
          DataCenterPhase.Restoring, Optional.empty(),
          DataCenterPhase.Probation, Optional.empty(),
          DataCenterPhase.Degraded, Optional.of(FailoverReason.Brownout),
          DataCenterPhase.Unreachable, Optional.of(FailoverReason.Blackout),
          DataCenterPhase.Excluded, Optional.of(FailoverReason.Exclusion));

  @ParameterizedTest
  @EnumSource(DataCenterPhase.class)
  void activePhaseDecidesWhetherAFailoverStarts(DataCenterPhase phase) {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", phase);

    FailoverDecision decision = world.decide();

    Optional<FailoverReason> started =
        Optional.ofNullable(decision.progress().inFlight()).map(InFlightFailover::reason);
    assertThat(started).isEqualTo(TRIGGERS.get(phase));
    if (started.isEmpty()) {
      assertThat(decision.progress()).isEqualTo(world.progress());
    }
  }

  @Test
  void anActiveDataCenterWhoseResourceIsDeletedIsLeftForTheNextOne() {
    SimulatedWorld world = SimulatedWorld.activeInA().deleted("a");

    world.settle();

    world.assertActiveIn("b");
    assertThat(world.traffic()).isEqualTo("b");
    assertThat(world.history())
        .singleElement()
        .satisfies(record -> assertThat(record.reason()).isEqualTo(FailoverReason.Exclusion));
  }

  @Test
  void brownoutMovesToAHealthyDataCenterAndFencesTheReachableOldActive() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Degraded);
    Instant degradedAt = world.now();

    world.settle();

    world.assertActiveIn("b");
    assertThat(world.isScaledDown("a")).isTrue();
    assertThat(world.progress().awaitingFence()).isEmpty();
    assertThat(world.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.reason()).isEqualTo(FailoverReason.Brownout);
              assertThat(record.detectedAt()).isEqualTo(degradedAt);
            });
  }

  @Test
  void brownoutStaysPutWhenNoHealthyDataCenterIsLeft() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("a", Degraded).phase("b", Degraded).phase("c", Excluded);

    world.steps(3);

    world.assertActiveIn("a");
    assertThat(world.events()).hasSize(1);
  }

  @Test
  void brownoutMovesAsSoonAsAHealthyDataCenterAppears() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("a", Degraded).phase("b", Degraded).phase("c", Excluded);
    world.steps(3);

    world.phase("c", DataCenterPhase.Healthy).settle();

    world.assertActiveIn("c");
  }

  @Test
  void exclusionMovesTheWorkloadAwayAndFencesIt() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Excluded);

    FailoverDecision first = world.step();
    assertThat(first.progress().inFlight().reason()).isEqualTo(FailoverReason.Exclusion);
    world.settle();

    world.assertActiveIn("b");
    assertThat(world.isScaledDown("a")).isTrue();
  }

  @Test
  void exclusionWithNowhereToGoKeepsServing() {
    SimulatedWorld world =
        SimulatedWorld.activeInA()
            .phase("a", Excluded)
            .phase("b", Unreachable)
            .phase("c", Unreachable);

    world.steps(3);

    world.assertActiveIn("a");
    assertThat(world.lastDecision().actionsOf(Fence.class)).isEmpty();
  }

  @Test
  void leavesAnActiveDataCenterDroppedFromThePlacement() {
    SimulatedWorld world = SimulatedWorld.activeInA();
    world.settings(
        new PolicySettings(
            PlacementPreference.of(PlacementStrategy.Priority, "b", "c"),
            world.settings().standbyMode(),
            world.settings().failbackMode()));

    FailoverDecision first = world.step();
    assertThat(first.progress().inFlight().reason()).isEqualTo(FailoverReason.Exclusion);
    assertThat(first.progress().inFlight().detectedAt())
        .isEqualTo(first.progress().inFlight().startedAt());
    world.settle();

    world.assertActiveIn("b");
    assertThat(world.isScaledDown("a")).as("a is still managed until fenced").isTrue();
  }

  @Test
  void operatorRestartWithUnprobedDataCentersMovesNothing() {
    SimulatedWorld world =
        SimulatedWorld.activeInA()
            .phase("a", DataCenterPhase.Pending)
            .phase("b", DataCenterPhase.Pending)
            .phase("c", DataCenterPhase.Pending);

    FailoverDecision decision = world.step();

    assertThat(decision.progress()).isEqualTo(world.progress());
    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.actions()).containsExactly(new FailoverAction.PointTrafficAt("a"));
  }

  @Test
  void detectionInTheFutureIsClampedToNow() {
    SimulatedWorld world = SimulatedWorld.activeInA();
    DataCenterView a = world.viewOf("a");
    Instant clockSkewed = world.now().plusSeconds(30);
    world.view(
        new DataCenterView(
            "a", Unreachable, clockSkewed, a.p50Latency(), a.hasSpareCapacity(), false));

    InFlightFailover move = world.decide().progress().inFlight();

    assertThat(move.detectedAt()).isEqualTo(world.now());
    assertThat(world.decide().progress().currentStep()).isEqualTo(FailoverStep.PromoteTarget);
  }
}
