package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.core.failover.FailoverAction.Emit;
import org.junit.jupiter.api.Test;

/** A data center held out for its restore test is no automatic target, but a person may use it. */
class RestoreTestHoldOutTest {

  /** a blacked out, b took over, a is Healthy again but held out for its restore test. */
  private static SimulatedWorld primaryHeldOut(boolean testFailed) {
    SimulatedWorld world =
        SimulatedWorld.activeInA().phase("a", Unreachable).settle().phase("a", Healthy);
    world.heldOut("a", testFailed);
    world.steps(3);
    world.assertActiveIn("b");
    return world;
  }

  @Test
  void doesNotFailBackToAPrimaryAwaitingItsRestoreTest() {
    SimulatedWorld world = primaryHeldOut(false);

    world.steps(10);

    world.assertActiveIn("b");
    assertThat(world.eventReasons()).doesNotContain(EventReason.FailbackStarted);
    assertThat(world.lastDecision().message())
        .isEqualTo("Active in b; kept out of production: a awaits its restore test");
  }

  @Test
  void doesNotFailBackToAPrimaryWhoseRestoreTestFailed() {
    SimulatedWorld world = primaryHeldOut(true);

    world.steps(10);

    world.assertActiveIn("b");
    assertThat(world.lastDecision().message()).contains("a failed its restore test");
  }

  @Test
  void failsBackOnceTheRestoreTestPromotedThePrimary() {
    SimulatedWorld world = primaryHeldOut(true).promoted("a");

    world.settle();
    world.stepUntil(w -> w.progress().activeDataCenter().equals("a") && w.isSettled());

    world.assertActiveIn("a");
    FailoverRecord last = world.history().get(world.history().size() - 1);
    assertThat(last.reason()).isEqualTo(FailoverReason.AutomaticFailback);
    assertThat(last.overridden()).isNull();
  }

  @Test
  void neverFailsOverToAHeldOutDataCenter() {
    // b is held out; when a fails, c (lower priority) takes the workload, not b.
    SimulatedWorld world = SimulatedWorld.activeInA().heldOut("b", false);

    world.phase("a", Unreachable).settle();

    world.assertActiveIn("c");
  }

  @Test
  void staysUnavailableRatherThanFailOverToTheOnlyHeldOutDataCenter() {
    SimulatedWorld world =
        SimulatedWorld.activeInA()
            .phase("c", Unreachable)
            .heldOut("b", true)
            .phase("a", Unreachable);

    world.steps(5);

    assertThat(world.progress().phase()).isEqualTo(FailoverPhase.Unavailable);
    assertThat(world.lastDecision().message())
        .contains("b failed its restore test")
        .contains("a is unreachable");
  }

  @Test
  void aBrownoutOrExclusionDoesNotMoveIntoAHeldOutDataCenter() {
    SimulatedWorld degraded = SimulatedWorld.activeInA().heldOut("b", false).heldOut("c", false);
    degraded.phase("a", Degraded).steps(5);
    degraded.assertActiveIn("a");

    SimulatedWorld excluded = SimulatedWorld.activeInA().heldOut("b", false).heldOut("c", false);
    excluded.phase("a", Excluded).steps(5);
    assertThat(excluded.progress().activeDataCenter()).isEqualTo("a");
    assertThat(excluded.eventReasons()).doesNotContain(EventReason.FailoverStarted);
  }

  @Test
  void aManualFailbackOverridesAFailedRestoreTestAndIsRecordedSo() {
    SimulatedWorld world = primaryHeldOut(true).action(ManualAction.failback("back-1"));

    world.stepUntil(w -> w.progress().activeDataCenter().equals("a") && w.isSettled());

    world.assertActiveIn("a");
    FailoverRecord last = world.history().get(world.history().size() - 1);
    assertThat(last.reason()).isEqualTo(FailoverReason.ManualFailback);
    assertThat(last.actionId()).isEqualTo("back-1");
    assertThat(last.overridden()).isNotNull();
    assertThat(last.overridden().overrideReason())
        .isEqualTo(HeldOut.OVERRIDE_OF_FAILED_TEST)
        .isEqualTo("ManualOverrideOfFailedRestoreTest");
    assertThat(last.overridden().test()).isEqualTo("test-a");
    assertThat(world.events())
        .filteredOn(emit -> emit.reason() == EventReason.RestoreTestOverridden)
        .singleElement()
        .extracting(Emit::message)
        .asString()
        .contains("back-1", "ManualOverrideOfFailedRestoreTest", "a failed its restore test");
    assertThat(EventReason.RestoreTestOverridden.warning()).isTrue();
    assertThat(world.events())
        .filteredOn(emit -> emit.reason() == EventReason.FailbackCompleted)
        .singleElement()
        .extracting(Emit::message)
        .asString()
        .contains("overriding the restore test of a");
  }

  @Test
  void aManualFailoverIntoAnUntestedDataCenterIsRecordedAsAnOverride() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().heldOut("c", false).action(ManualAction.failoverTo("op", "c"));

    world.stepUntil(w -> w.progress().activeDataCenter().equals("c") && w.isSettled());

    world.assertActiveIn("c");
    FailoverRecord last = world.history().get(world.history().size() - 1);
    assertThat(last.overridden().overrideReason()).isEqualTo("ManualOverrideOfUntestedDataCenter");
  }

  @Test
  void aManualMoveToADataCenterNotHeldOutOverridesNothing() {
    SimulatedWorld world =
        SimulatedWorld.activeInA().heldOut("c", true).action(ManualAction.failoverTo("op", "b"));

    world.stepUntil(w -> w.progress().activeDataCenter().equals("b") && w.isSettled());

    FailoverRecord last = world.history().get(world.history().size() - 1);
    assertThat(last.overridden()).isNull();
    assertThat(world.eventReasons()).doesNotContain(EventReason.RestoreTestOverridden);
  }

  @Test
  void aBlackoutFailoverIsNeverRecordedAsAnOverride() {
    SimulatedWorld world = SimulatedWorld.activeInA().heldOut("c", true);

    world.phase("a", Unreachable).settle();

    FailoverRecord last = world.history().get(world.history().size() - 1);
    assertThat(last.to()).isEqualTo("b");
    assertThat(last.overridden()).isNull();
  }
}
