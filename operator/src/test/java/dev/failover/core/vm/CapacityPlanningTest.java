package dev.failover.core.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.vm.CapacityPlanning.Outcome;
import dev.failover.core.vm.CapacityPlanning.Sample;
import dev.failover.core.vm.CapacityPlanning.State;
import dev.failover.core.vm.CapacityScaler.Threshold;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CapacityPlanningTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final Threshold CPU_50 = new Threshold(50, 80);
  private static final MachineSpec APP = MachineSpec.production("app");
  private static final MachineSpec STANDBY = MachineSpec.failoverMachine("standby");
  private static final PolicyPlacement IN_TORONTO =
      new PolicyPlacement("web", List.of("toronto", "chicago"), "toronto");

  /** A rider of one production and one failover machine, license for 3, up to 2 more. */
  private final class Rider {
    State state = State.initial();
    Instant now = START;
    final Map<String, UtilizationSample> latest = new HashMap<>();
    List<PolicyPlacement> policies = List.of(IN_TORONTO);
    int license = 3;

    Outcome measure(String dataCenter, double cpu) {
      now = now.plusSeconds(15);
      latest.put(dataCenter, new UtilizationSample(now, cpu, OptionalDouble.empty()));
      return step();
    }

    Outcome step() {
      Outcome outcome =
          CapacityPlanning.step(
              List.of(APP, STANDBY),
              license,
              policies,
              CPU_50,
              2,
              latest,
              state,
              CapacityScaler.COOLDOWN,
              now);
      state = outcome.state();
      return outcome;
    }
  }

  private static List<String> names(Outcome outcome) {
    return outcome.machines().stream().map(MachineSpec::name).toList();
  }

  @Test
  void threeNewSamplesOverTheThresholdAddACopyOfTheFirstProductionMachine() {
    Rider rider = new Rider();
    rider.measure("toronto", 70);
    rider.measure("toronto", 75);
    Outcome outcome = rider.measure("toronto", 80);

    assertThat(outcome.state().additional()).isEqualTo(1);
    assertThat(names(outcome)).containsExactly("app", "standby", "app-extra-1");
    MachineSpec extra = outcome.machines().get(2);
    assertThat(extra.failover()).as("runs where the policies are active").isFalse();
    assertThat(extra.size()).isEqualTo(APP.size());
    assertThat(outcome.state().samples()).as("cleared: the new machine is measured anew").isEmpty();
    assertThat(outcome.state().lastChange()).isEqualTo(rider.now);
    assertThat(outcome.reason()).startsWith("provisioned");
  }

  @Test
  void aFigureTakenBeforeTheChangeDoesNotMeasureIt() {
    Rider rider = new Rider();
    rider.measure("toronto", 90);
    rider.measure("toronto", 90);
    Instant lastFigure = rider.now;
    rider.latest.put("toronto", new UtilizationSample(lastFigure, 90, OptionalDouble.empty()));
    rider.now = rider.now.plusSeconds(5);
    rider.latest.put(
        "toronto", new UtilizationSample(rider.now.minusSeconds(1), 90, OptionalDouble.empty()));
    assertThat(rider.step().state().additional()).isEqualTo(1);
    // The next step still sees that figure, taken before the change: no sample.
    rider.now = rider.now.plusSeconds(10);
    assertThat(rider.step().state().samples()).isEmpty();
    Outcome after = rider.measure("toronto", 90);
    assertThat(after.state().samples()).hasSize(1);
  }

  @Test
  void theSameFigureReadTwiceIsOneSample() {
    Rider rider = new Rider();
    rider.measure("toronto", 90);
    rider.step();
    rider.step();
    Outcome outcome = rider.step();
    assertThat(outcome.state().samples()).hasSize(1);
    assertThat(outcome.state().additional()).isZero();
  }

  @Test
  void afterAChangeTheCooldownAndThreeNewSamplesComeBeforeTheNext() {
    Rider rider = new Rider();
    rider.measure("toronto", 90);
    rider.measure("toronto", 90);
    rider.measure("toronto", 90);
    assertThat(rider.state.additional()).isEqualTo(1);
    rider.measure("toronto", 90);
    rider.measure("toronto", 90);
    Outcome third = rider.measure("toronto", 90);
    assertThat(third.state().additional()).as("45 s after: still cooling down").isEqualTo(1);
    assertThat(third.reason()).contains("cooldown");
    Outcome later = rider.measure("toronto", 90);
    assertThat(later.state().additional()).as("60 s after").isEqualTo(2);
    assertThat(names(later)).containsExactly("app", "standby", "app-extra-1", "app-extra-2");
  }

  @Test
  void quietSamplesReleaseWhatWasAdded() {
    Rider rider = new Rider();
    rider.state = new State(List.of(), 1, START.minusSeconds(600));
    rider.measure("toronto", 20);
    rider.measure("toronto", 25);
    Outcome outcome = rider.measure("toronto", 10);
    assertThat(outcome.state().additional()).isZero();
    assertThat(names(outcome)).containsExactly("app", "standby");
    assertThat(outcome.reason()).startsWith("released");
  }

  @Test
  void aDataCenterWithoutAFreshFigureIsUnmeasuredNotIdle() {
    Rider rider = new Rider();
    rider.state = new State(List.of(), 1, START.minusSeconds(600));
    rider.license = 5; // app in both data centers, and app-extra-1 in both
    rider.policies =
        List.of(IN_TORONTO, new PolicyPlacement("api", List.of("chicago", "toronto"), "chicago"));
    // Toronto is quiet, Chicago says nothing: no sample, nothing released.
    for (int i = 0; i < 4; i++) {
      rider.measure("toronto", 5);
    }
    Outcome outcome = rider.step();
    assertThat(outcome.state().samples()).isEmpty();
    assertThat(outcome.state().additional()).isEqualTo(1);
    assertThat(outcome.reason()).startsWith("no fresh utilization figure from chicago");

    // A figure older than 90 s is no figure either.
    rider.latest.put(
        "chicago", new UtilizationSample(rider.now.minusSeconds(91), 5, OptionalDouble.empty()));
    assertThat(rider.step().state().samples()).isEmpty();
  }

  @Test
  void theBusiestDataCenterIsTheSampleDatedByTheOldestFigure() {
    Rider rider = new Rider();
    rider.policies =
        List.of(IN_TORONTO, new PolicyPlacement("api", List.of("chicago", "toronto"), "chicago"));
    rider.latest.put("chicago", new UtilizationSample(START, 95, OptionalDouble.empty()));
    Outcome outcome = rider.measure("toronto", 30);
    assertThat(outcome.state().samples())
        .containsExactly(
            new Sample("chicago", new UtilizationSample(START, 95, OptionalDouble.empty())));
  }

  @Test
  void samplesOlderThanTwoMinutesAreDroppedSoAGapBreaksTheStreak() {
    Rider rider = new Rider();
    rider.measure("toronto", 90);
    rider.measure("toronto", 90);
    rider.now = rider.now.plusSeconds(150);
    Outcome outcome = rider.measure("toronto", 90);
    assertThat(outcome.state().samples()).hasSize(1);
    assertThat(outcome.state().additional()).isZero();
  }

  @Test
  void theLicenseBoundsTheAddedMachinesPerActiveDataCenter() {
    Rider rider = new Rider();
    rider.license = 2; // app runs in toronto; room for one more machine there
    rider.policies =
        List.of(IN_TORONTO, new PolicyPlacement("api", List.of("chicago", "toronto"), "chicago"));
    // Two active data centers: app runs in both, so the license (2) has no room for a copy that
    // would run in both.
    for (int i = 0; i < 3; i++) {
      rider.measure("toronto", 90);
      rider.latest.put("chicago", new UtilizationSample(rider.now, 90, OptionalDouble.empty()));
    }
    Outcome outcome = rider.step();
    assertThat(outcome.state().additional()).isZero();
    assertThat(outcome.reason()).contains("license.maxVirtualMachines");
  }

  @Test
  void withNoActivePolicyTheAddedMachinesStayAndNothingIsMeasured() {
    Rider rider = new Rider();
    rider.state = new State(List.of(), 1, START);
    rider.policies = List.of(new PolicyPlacement("web", List.of("toronto"), null));
    Outcome outcome = rider.measure("toronto", 99);
    assertThat(outcome.state().additional()).isEqualTo(1);
    assertThat(outcome.state().samples()).isEmpty();
    assertThat(outcome.reason()).contains("no policy of the rider is active");
  }

  @Test
  void withoutAProductionMachineNothingIsAdded() {
    Outcome outcome =
        CapacityPlanning.step(
            List.of(STANDBY),
            3,
            List.of(IN_TORONTO),
            CPU_50,
            2,
            Map.of(),
            new State(List.of(), 1, START),
            CapacityScaler.COOLDOWN,
            START);
    assertThat(outcome.state().additional()).isZero();
    assertThat(names(outcome)).containsExactly("standby");
  }

  @Test
  void addedMachinesAvoidListedNamesAndStayValidLabels() {
    MachineSpec taken = MachineSpec.production("app-extra-1");
    assertThat(
            CapacityPlanning.withExtras(List.of(APP, taken), APP, 2).stream()
                .map(MachineSpec::name))
        .containsExactly("app", "app-extra-1", "app-extra-2", "app-extra-3");
    String longName = "a".repeat(55) + "-bbbbbbb";
    List<MachineSpec> machines =
        CapacityPlanning.withExtras(
            List.of(MachineSpec.production(longName)), MachineSpec.production(longName), 1);
    assertThat(machines.get(1).name())
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-extra-1")
        .doesNotContain("--");
  }
}
