package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailbackTest {

  /** a blacked out, b took over, a came back and was fenced: a is on probation. */
  private static SimulatedWorld primaryOnProbation(StandbyMode mode, FailbackMode failback) {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.Priority, mode, failback)
            .settle()
            .phase("a", Unreachable)
            .settle()
            .phase("a", Probation);
    world.steps(3);
    assertThat(world.progress().awaitingFence()).isEmpty();
    world.assertActiveIn("b");
    return world;
  }

  private static SimulatedWorld primaryOnProbation() {
    return primaryOnProbation(StandbyMode.Warm, FailbackMode.Automatic);
  }

  @Test
  void doesNotFailBackWhileThePrimaryIsOnProbation() {
    SimulatedWorld world = primaryOnProbation();

    world.steps(10);

    world.assertActiveIn("b");
  }

  @Test
  void failsBackAutomaticallyOnceThePrimaryIsHealthy() {
    SimulatedWorld world = primaryOnProbation().phase("a", Healthy);
    Instant healthyAt = world.now();

    FailoverDecision first = world.step();

    assertThat(first.progress().phase()).isEqualTo(FailoverPhase.FailingBack);
    assertThat(first.progress().inFlight().reason()).isEqualTo(FailoverReason.AutomaticFailback);
    assertThat(first.actionsOf(Emit.class))
        .containsExactly(
            new Emit(EventReason.FailbackStarted, "Failing back from b to a: a is Healthy again"));
    world.settle();
    world.assertActiveIn("a");
    assertThat(world.isScaledDown("b")).isTrue();
    FailoverRecord record = world.history().get(world.history().size() - 1);
    assertThat(record.reason()).isEqualTo(FailoverReason.AutomaticFailback);
    assertThat(record.detectedAt()).isEqualTo(healthyAt);
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.AutomaticFailback);
  }

  @Test
  void failbackIsMakeBeforeBreak() {
    SimulatedWorld world = primaryOnProbation().phase("a", Healthy);
    List<String> timeline = new ArrayList<>();

    world.stepUntil(
        w -> {
          FailoverDecision decision = w.lastDecision();
          for (FailoverAction action : decision.actions()) {
            if (action instanceof PointTrafficAt point && point.dataCenter().equals("a")) {
              assertThat(decision.progress().activeDataCenter()).isEqualTo("a");
            }
          }
          timeline.add(
              decision.progress().currentStep()
                  + " traffic="
                  + w.traffic()
                  + " aFull="
                  + w.isFull("a")
                  + " bFull="
                  + w.isFull("b"));
          return w.progress().phase() == FailoverPhase.Active
              && "a".equals(w.progress().activeDataCenter());
        });

    assertThat(timeline)
        .containsExactly(
            "PromoteTarget traffic=b aFull=true bFull=true",
            "SwitchTraffic traffic=a aFull=true bFull=true",
            "FenceOldActive traffic=a aFull=true bFull=false",
            "null traffic=a aFull=true bFull=false");
  }

  @Test
  void hotFailbackFencesTheOldActiveThenRestoresItAsAHotStandby() {
    SimulatedWorld world =
        primaryOnProbation(StandbyMode.Hot, FailbackMode.Automatic).phase("a", Healthy);

    List<FailoverDecision> decisions =
        world.stepUntil(w -> w.isSettled() && "a".equals(w.progress().activeDataCenter()));

    assertThat(decisions).anySatisfy(d -> assertThat(d.actions()).contains(new Fence("b")));
    assertThat(world.isFull("b")).as("b is a hot standby again").isTrue();
    world.assertActiveIn("a");
  }

  @Test
  void manualFailbackModeNeverFailsBackOnItsOwn() {
    SimulatedWorld world =
        primaryOnProbation(StandbyMode.Warm, FailbackMode.Manual).phase("a", Healthy);

    world.steps(10);

    world.assertActiveIn("b");
  }

  @Test
  void manualFailoverIsNotUndoneByAutomaticFailback() {
    SimulatedWorld world = SimulatedWorld.activeInA().action(ManualAction.failoverTo("1", "c"));
    world.settle();

    world.steps(10);

    world.assertActiveIn("c");
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.ManualFailover);
  }

  @Test
  void failbackIsAbandonedWhenThePrimaryDegradesBeforeTheSwitch() {
    SimulatedWorld world = primaryOnProbation().phase("a", Healthy).neverAvailable("a");
    world.steps(2);
    assertThat(world.progress().phase()).isEqualTo(FailoverPhase.FailingBack);

    world.phase("a", Degraded);
    FailoverDecision decision = world.step();

    assertThat(decision.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.MoveAbandoned, "Failback to a abandoned: a is Degraded; staying in b"));
    world.assertActiveIn("b");
    assertThat(world.progress().activeReason()).isEqualTo(FailoverReason.Blackout);
    world.step();
    assertThat(world.isScaledDown("a")).as("a went back to its standby size").isTrue();
  }

  @Test
  void failbackBecomesABlackoutFailoverWhenTheOldActiveGoesDark() {
    SimulatedWorld world = primaryOnProbation().phase("a", Healthy).neverAvailable("a");
    world.steps(2);

    world.phase("b", Unreachable);
    Instant wentDark = world.now();
    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.FailingOver);
    assertThat(decision.progress().inFlight().reason()).isEqualTo(FailoverReason.Blackout);
    assertThat(decision.progress().inFlight().detectedAt()).isEqualTo(wentDark);
    assertThat(decision.progress().inFlight().to()).isEqualTo("a");

    world.availableAgain("a").settle();
    world.assertActiveIn("a");
    assertThat(world.progress().awaitingFence()).containsExactly("b");
  }

  @Test
  void failbackNeedsSpareCapacityInThePrimary() {
    SimulatedWorld world = primaryOnProbation().phase("a", Healthy).spareCapacity("a", false);

    world.steps(3);

    world.assertActiveIn("b");
  }

  @Test
  void lowestLatencyFailsBackToThePrimaryAfterAFailover() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.LowestLatency, StandbyMode.Warm, FailbackMode.Automatic)
            .latency("a", 1)
            .settle();
    world.assertActiveIn("a");

    world.phase("a", Unreachable).settle();
    world.assertActiveIn("c");
    world.phase("a", Restoring).steps(2);
    world.phase("a", Healthy).latency("a", 50).settle();

    world.assertActiveIn("a");
  }

  @Test
  void lowestLatencyPlacementIsNotPulledToThePrimary() {
    SimulatedWorld world =
        SimulatedWorld.of(PlacementStrategy.LowestLatency, StandbyMode.Warm, FailbackMode.Automatic)
            .settle();

    world.steps(5);

    world.assertActiveIn("c");
  }
}
