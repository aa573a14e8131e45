package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.RecordFailover;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operator killed in the middle of a reconcile: some actions done, the progress not persisted.
 * Deciding again from the last persisted progress must end in the same place as never crashing.
 */
class CrashResumeTest {

  static Stream<Arguments> moves() {
    return Stream.of(
        move("initial placement, cold standby", () -> world(StandbyMode.Cold)),
        move(
            "blackout failover, warm standby",
            () -> world(StandbyMode.Warm).settle().phase("a", Unreachable)),
        move(
            "brownout failover, fencing a reachable old active",
            () -> world(StandbyMode.Warm).settle().phase("a", Degraded)),
        move(
            "blackout failover, hot standby",
            () -> world(StandbyMode.Hot).settle().phase("a", Unreachable)),
        move("automatic failback, hot standby", CrashResumeTest::hotFailback),
        move(
            "manual failover, cold standby",
            () -> world(StandbyMode.Cold).settle().action(ManualAction.failoverTo("op-1", "c"))));
  }

  private static Arguments move(String name, Supplier<SimulatedWorld> start) {
    return Arguments.of(name, start);
  }

  private static SimulatedWorld world(StandbyMode mode) {
    return SimulatedWorld.of(PlacementStrategy.Priority, mode, FailbackMode.Automatic);
  }

  private static SimulatedWorld hotFailback() {
    SimulatedWorld world = world(StandbyMode.Hot).settle().phase("a", Unreachable).settle();
    world.phase("a", Probation).steps(2);
    return world.phase("a", Healthy);
  }

  /** The decisions of an undisturbed run, from the start until it settles. */
  private static List<FailoverDecision> undisturbed(SimulatedWorld world) {
    return world.stepUntil(
        w ->
            w.isSettled()
                && (w.progress().lastHandledActionId() != null
                    || w.situation().pendingAction() == null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void crashAfterAnyActionOfAnyDecisionEndsWhereAnUndisturbedRunEnds(
      String name, Supplier<SimulatedWorld> start) {
    SimulatedWorld reference = start.get();
    List<FailoverDecision> decisions = undisturbed(reference);
    String expected = reference.snapshot();

    for (int decision = 0; decision < decisions.size(); decision++) {
      for (int executed = 0; executed <= decisions.get(decision).actions().size(); executed++) {
        SimulatedWorld world = start.get();
        world.steps(decision);
        world.crash(executed);
        world.settle();
        assertThat(world.snapshot())
            .as("crash in decision %d after %d actions", decision, executed)
            .isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void decidingAgainFromTheSameObservationGivesTheSameDecision(
      String name, Supplier<SimulatedWorld> start) {
    SimulatedWorld world = start.get();
    assertThat(world.decide()).isEqualTo(world.decide());

    world.stepUntil(
        w -> {
          assertThat(w.decide()).isEqualTo(w.decide());
          return w.isSettled();
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void passesThroughEveryStepAndPersistsEachOneItWaitsOn(
      String name, Supplier<SimulatedWorld> start) {
    SimulatedWorld world = start.get();
    Set<FailoverStep> persisted = EnumSet.noneOf(FailoverStep.class);

    for (FailoverDecision decision : world.stepUntil(SimulatedWorld::isSettled)) {
      FailoverStep step = decision.progress().currentStep();
      if (step != null) {
        persisted.add(step);
      }
    }

    assertThat(persisted).contains(FailoverStep.SwitchTraffic).doesNotContain(FailoverStep.Record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void settledPolicyIsAFixedPoint(String name, Supplier<SimulatedWorld> start) {
    SimulatedWorld world = start.get();
    undisturbed(world);
    String before = world.snapshot();

    FailoverDecision decision = world.step();

    assertThat(decision.progress()).isEqualTo(world.progress());
    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.actionsOf(Emit.class)).isEmpty();
    assertThat(decision.actionsOf(RecordFailover.class)).isEmpty();
    assertThat(world.snapshot()).isEqualTo(before);
  }
}
