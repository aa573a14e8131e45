package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Randomized runs (seeded, so reproducible): data centers change phase, capacity and workload
 * health at random, people send manual actions, and the operator crashes mid-reconcile. After every
 * decision the safety invariant must hold; once the world calms down, exactly one data center must
 * be active.
 *
 * <p>A data center <em>has been active</em> once a persisted progress named it active, and stays so
 * until its workload is seen scaled to zero while reachable (fenced). The invariant: once traffic
 * is on the active data center, no other data center that has been active is left running while the
 * operator can reach it: every such decision fences it and never scales it up. Traffic only ever
 * points at the active data center, which was Available before it became active, and the active one
 * is never scaled down.
 */
class FailoverInvariantPropertyTest {
  private static final int RUNS = 400;
  private static final int STEPS = 150;
  private static final List<String> DATA_CENTERS = List.of("a", "b", "c");
  private static final DataCenterPhase[] PHASES = {
    DataCenterPhase.Healthy,
    DataCenterPhase.Healthy,
    DataCenterPhase.Healthy,
    DataCenterPhase.Unreachable,
    DataCenterPhase.Unreachable,
    DataCenterPhase.Degraded,
    DataCenterPhase.Probation,
    DataCenterPhase.Restoring,
    DataCenterPhase.Excluded,
    DataCenterPhase.Pending
  };

  private int moves;
  private int crashes;

  @Test
  void neverTwoActiveDataCentersWhileTheOldOneIsReachableAndOneActiveOnceSettled() {
    for (long seed = 1; seed <= RUNS; seed++) {
      run(seed);
    }

    assertThat(moves).as("the runs did fail over").isGreaterThan(RUNS * 2);
    assertThat(crashes).as("the runs did crash").isGreaterThan(RUNS * 10);
  }

  private void run(long seed) {
    Random random = new Random(seed);
    SimulatedWorld world =
        SimulatedWorld.of(
            pick(random, PlacementStrategy.values()),
            pick(random, StandbyMode.values()),
            pick(random, FailbackMode.values()));
    Set<String> hasBeenActive = new HashSet<>();
    int actionIds = 0;

    for (int step = 0; step < STEPS; step++) {
      disturb(world, random, actionIds++);
      PolicySituation situation = world.situation();
      FailoverDecision decision = world.decide();
      checkSafety(seed, step, situation, decision, hasBeenActive);
      boolean crash = random.nextInt(100) < 15;
      if (crash) {
        crashes++;
        world.carryOut(decision, random.nextInt(decision.actions().size() + 1), false);
      } else {
        world.carryOut(decision, decision.actions().size(), true);
        moves += decision.actionsOf(FailoverAction.RecordFailover.class).size();
      }
      track(world, hasBeenActive);
    }

    calmDown(world);
    // Settled: Active, traffic on it, and deciding again changes nothing.
    for (int step = 0; step < 60; step++) {
      PolicySituation situation = world.situation();
      String before = world.snapshot();
      FailoverDecision decision = world.decide();
      checkSafety(seed, STEPS + step, situation, decision, hasBeenActive);
      world.carryOut(decision, decision.actions().size(), true);
      track(world, hasBeenActive);
      boolean unchanged =
          decision.progress().equals(situation.progress()) && world.snapshot().equals(before);
      if (world.isSettled() && unchanged) {
        break;
      }
    }
    checkSettled(seed, world, hasBeenActive);
  }

  private static void disturb(SimulatedWorld world, Random random, int actionId) {
    int roll = random.nextInt(100);
    String dataCenter = pick(random, DATA_CENTERS.toArray(String[]::new));
    if (roll < 30) {
      world.phase(dataCenter, pick(random, PHASES));
    } else if (roll < 34) {
      world.spareCapacity(dataCenter, random.nextBoolean());
    } else if (roll < 38) {
      if (random.nextBoolean()) {
        world.neverAvailable(dataCenter);
      } else {
        world.availableAgain(dataCenter);
      }
    } else if (roll < 41) {
      String target = random.nextInt(4) == 0 ? "z" : dataCenter;
      world.action(
          random.nextBoolean()
              ? ManualAction.failoverTo("op-" + actionId, target)
              : ManualAction.failback("op-" + actionId));
    }
  }

  private static void checkSafety(
      long seed,
      int step,
      PolicySituation situation,
      FailoverDecision decision,
      Set<String> hasBeenActive) {
    String where = "seed " + seed + ", step " + step + ": " + decision.message();
    String active = decision.progress().activeDataCenter();
    String before = situation.progress().activeDataCenter();
    List<FailoverAction> actions = decision.actions();

    boolean trafficOnActive = active != null && active.equals(situation.trafficTarget());
    for (String old : hasBeenActive) {
      if (!old.equals(active) && situation.reachable(old) && trafficOnActive) {
        assertThat(actions).as(where + " must fence " + old).contains(new Fence(old));
        assertThat(actions)
            .as(where + " must not scale up " + old)
            .doesNotContain(new EnsureWorkload(old, ReplicasMode.Full));
      }
    }
    for (String fencing : decision.progress().awaitingFence()) {
      assertThat(actions)
          .as(where + " only fences " + fencing)
          .noneMatch(
              action ->
                  action.equals(new EnsureWorkload(fencing, ReplicasMode.Full))
                      || action.equals(new EnsureWorkload(fencing, ReplicasMode.ScaledDown))
                      || action.equals(new RemoveWorkload(fencing)));
    }
    if (active != null) {
      assertThat(actions)
          .as(where + " never fences the active " + active)
          .doesNotContain(
              new Fence(active),
              new EnsureWorkload(active, ReplicasMode.ScaledDown),
              new RemoveWorkload(active));
    }
    List<PointTrafficAt> pointing = decision.actionsOf(PointTrafficAt.class);
    assertThat(pointing).as(where + " one traffic target").hasSizeLessThanOrEqualTo(1);
    for (PointTrafficAt point : pointing) {
      assertThat(point.dataCenter()).as(where + " traffic follows the active").isEqualTo(active);
    }
    if (active != null && !active.equals(before)) {
      assertThat(situation.workload(active).map(WorkloadObservation::available))
          .as(where + " make-before-break: " + active + " is Available before it is active")
          .hasValue(true);
    }
  }

  /** Persisted actives have been active; a reachable data center seen at zero is fenced. */
  private static void track(SimulatedWorld world, Set<String> hasBeenActive) {
    String active = world.progress().activeDataCenter();
    if (active != null) {
      hasBeenActive.add(active);
    }
    hasBeenActive.removeIf(
        dataCenter ->
            world.reachable(dataCenter)
                && (world.isScaledDown(dataCenter) || world.isAbsent(dataCenter)));
  }

  private static void calmDown(SimulatedWorld world) {
    for (String dataCenter : DATA_CENTERS) {
      world.phase(dataCenter, DataCenterPhase.Healthy);
      world.spareCapacity(dataCenter, true);
      world.availableAgain(dataCenter);
    }
    world.action(null);
  }

  private static void checkSettled(long seed, SimulatedWorld world, Set<String> hasBeenActive) {
    String where = "seed " + seed + ": " + world.snapshot() + " " + world.situation();
    String active = world.progress().activeDataCenter();
    assertThat(world.isSettled()).as(where).isTrue();
    assertThat(world.progress().awaitingFence()).as(where).isEmpty();
    assertThat(world.observations().get(active).available()).as(where).isTrue();
    assertThat(hasBeenActive).as(where + " exactly one active").containsExactly(active);
    FailoverReason why = world.progress().activeReason();
    boolean failbackDue =
        world.settings().failbackMode() == FailbackMode.Automatic
            && world.settings().placement().strategy() == PlacementStrategy.Priority
            && why != FailoverReason.ManualFailover;
    if (failbackDue) {
      assertThat(active).as(where + " failed back to the primary").isEqualTo("a");
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }
}
