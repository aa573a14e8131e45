package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.core.failover.FailoverAction.Emit;
import org.junit.jupiter.api.Test;

/** An automatic failback that is due but finds every slot to the primary taken. */
class FailbackWaitTest {
  private static final FailbackWait FIRST = new FailbackWait("a", 2, 2, true);
  private static final FailbackWait AGAIN = new FailbackWait("a", 2, 2, false);

  /** a blacked out, b took over, a returned, was fenced and is Healthy: failback is due. */
  private static SimulatedWorld failbackDue() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("a", Unreachable).settle().phase("a", Probation);
    world.steps(3);
    world.assertActiveIn("b");
    return world.phase("a", Healthy);
  }

  @Test
  void aWaitingFailbackDoesNotStartAndTheWorkloadStaysWhereItServes() {
    SimulatedWorld world = failbackDue().failbackWait(FIRST);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.progress().inFlight()).isNull();
    assertThat(decision.progress().activeDataCenter()).isEqualTo("b");
    assertThat(decision.actions()).contains(new FailoverAction.PointTrafficAt("b"));
    assertThat(FailbackSlots.slotNeeded(decision.progress())).isEmpty();
  }

  @Test
  void theFirstLookTellsTheWaitOnceAndLaterLooksTellNothing() {
    SimulatedWorld world = failbackDue().failbackWait(FIRST);

    FailoverDecision first = world.step();
    FailoverDecision later = world.failbackWait(AGAIN).step();

    assertThat(first.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.FailbackDeferred,
                "Failback from b to a waits for a slot: 2 of 2 failbacks to a in flight"));
    assertThat(later.actionsOf(Emit.class)).isEmpty();
  }

  @Test
  void theReadyMessageSaysWhatTheFailbackAwaits() {
    FailoverDecision decision = failbackDue().failbackWait(AGAIN).step();

    assertThat(decision.message())
        .isEqualTo("Active in b; failback to a awaits a slot: 2 of 2 failbacks to a in flight");
  }

  @Test
  void theFailbackStartsOnceASlotIsFree() {
    SimulatedWorld world = failbackDue().failbackWait(AGAIN);
    world.steps(3);
    world.assertActiveIn("b");

    FailoverDecision started = world.failbackWait(null).step();

    assertThat(started.progress().inFlight().reason()).isEqualTo(FailoverReason.AutomaticFailback);
    assertThat(FailbackSlots.slotNeeded(started.progress())).contains("a");
    world.settle();
    world.assertActiveIn("a");
  }

  @Test
  void aFailoverIsNeverHeldBackByAWait() {
    SimulatedWorld world = failbackDue().failbackWait(FIRST).phase("b", Unreachable);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().inFlight().reason()).isEqualTo(FailoverReason.Blackout);
    assertThat(FailbackSlots.slotNeeded(decision.progress())).isEmpty();
    world.failbackWait(AGAIN).settle();
    assertThat(world.progress().activeDataCenter()).isNotEqualTo("b");
  }

  @Test
  void aManualFailbackIsNeverHeldBackByAWait() {
    SimulatedWorld world = failbackDue().failbackWait(FIRST).action(ManualAction.failback("back"));

    FailoverDecision decision = world.step();

    assertThat(decision.progress().inFlight().reason()).isEqualTo(FailoverReason.ManualFailback);
    assertThat(FailbackSlots.slotNeeded(decision.progress()))
        .as("a manual failback takes no slot")
        .isEmpty();
    world.settle();
    world.assertActiveIn("a");
  }

  @Test
  void aWaitChangesNothingWhenNoFailbackIsDue() {
    SimulatedWorld world = SimulatedWorld.activeInA();

    FailoverDecision without = world.decide();
    FailoverDecision with = world.failbackWait(FIRST).decide();

    assertThat(with.progress()).isEqualTo(without.progress());
    assertThat(with.actions()).isEqualTo(without.actions());
  }
}
