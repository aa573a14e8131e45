package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static dev.failover.core.failover.ReplicasMode.Full;
import static dev.failover.core.failover.ReplicasMode.ScaledDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workload every decision asks for in each data center, by standby mode and role. */
class StandbyPlanTest {

  private static SimulatedWorld activeInA(StandbyMode mode) {
    return SimulatedWorld.of(PlacementStrategy.Priority, mode, FailbackMode.Automatic).settle();
  }

  @Test
  void hotStandbysRunAtFullSize() {
    assertThat(activeInA(StandbyMode.Hot).decide().actions())
        .containsExactly(
            new EnsureWorkload("a", Full),
            new EnsureWorkload("b", Full),
            new EnsureWorkload("c", Full),
            new PointTrafficAt("a"));
  }

  @Test
  void warmStandbysArePresentButScaledToZero() {
    assertThat(activeInA(StandbyMode.Warm).decide().actions())
        .containsExactly(
            new EnsureWorkload("a", Full),
            new EnsureWorkload("b", ScaledDown),
            new EnsureWorkload("c", ScaledDown),
            new PointTrafficAt("a"));
  }

  @Test
  void coldStandbysAreAbsent() {
    assertThat(activeInA(StandbyMode.Cold).decide().actions())
        .containsExactly(
            new EnsureWorkload("a", Full),
            new RemoveWorkload("b"),
            new RemoveWorkload("c"),
            new PointTrafficAt("a"));
  }

  @Test
  void unreachableDataCentersGetNoActionsButTrafficStillPointsAtTheActive() {
    SimulatedWorld world = activeInA(StandbyMode.Hot).phase("b", Unreachable);
    world.reachable("a", false);

    assertThat(world.decide().actions())
        .containsExactly(new EnsureWorkload("c", Full), new PointTrafficAt("a"));
  }

  @Test
  void standbysAreKeptInRestoringDegradedAndExcludedDataCentersThatAreReachable() {
    SimulatedWorld world = activeInA(StandbyMode.Warm).phase("b", Restoring).phase("c", Excluded);

    assertThat(world.decide().actions())
        .contains(new EnsureWorkload("b", ScaledDown), new EnsureWorkload("c", ScaledDown));
    assertThat(world.phase("b", Degraded).decide().actions())
        .contains(new EnsureWorkload("b", ScaledDown));
  }

  @Test
  void dataCenterAwaitingAFenceGetsTheFenceFirstAndNothingElse() {
    SimulatedWorld world = activeInA(StandbyMode.Hot).running("c");
    world.progress(
        new FailoverProgress(
            FailoverPhase.Active, "a", FailoverReason.Blackout, null, null, null, Set.of("c")));

    assertThat(world.decide().actions())
        .containsExactly(
            new Fence("c"),
            new EnsureWorkload("a", Full),
            new EnsureWorkload("b", Full),
            new PointTrafficAt("a"));
  }

  @Test
  void oldActiveIsLeftAloneWhileTrafficMovesAwayFromIt() {
    SimulatedWorld world = activeInA(StandbyMode.Cold).running("b");
    Instant now = world.now();
    world.progress(
        new FailoverProgress(
            FailoverPhase.FailingOver,
            "b",
            FailoverReason.InitialPlacement,
            FailoverStep.SwitchTraffic,
            InFlightFailover.starting("a", "b", FailoverReason.Brownout, now, now),
            null,
            Set.of()));

    assertThat(world.decide().actions())
        .containsExactly(
            new EnsureWorkload("b", Full), new RemoveWorkload("c"), new PointTrafficAt("b"));
  }

  @Test
  void oldActiveIsFencedOnceTrafficHasLeftIt() {
    SimulatedWorld world = activeInA(StandbyMode.Hot).running("b").traffic("b");
    Instant now = world.now();
    world.progress(
        new FailoverProgress(
            FailoverPhase.FailingOver,
            "b",
            FailoverReason.InitialPlacement,
            FailoverStep.FenceOldActive,
            InFlightFailover.starting("a", "b", FailoverReason.Brownout, now, now)
                .withCompletedAt(now),
            null,
            Set.of()));

    assertThat(world.decide().actions())
        .containsExactly(
            new Fence("a"),
            new EnsureWorkload("b", Full),
            new EnsureWorkload("c", Full),
            new PointTrafficAt("b"));
  }

  @Test
  void activeDataCenterNoLongerListedIsStillServedUntilTheMove() {
    SimulatedWorld world =
        activeInA(StandbyMode.Warm).phase("b", Unreachable).phase("c", Unreachable);
    world.settings(
        new PolicySettings(
            dev.failover.core.placement.PlacementPreference.of(
                PlacementStrategy.Priority, "b", "c"),
            StandbyMode.Warm,
            FailbackMode.Automatic));

    assertThat(world.decide().actions())
        .containsExactly(new EnsureWorkload("a", Full), new PointTrafficAt("a"));
  }
}
