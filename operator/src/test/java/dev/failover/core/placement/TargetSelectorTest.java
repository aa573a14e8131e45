package dev.failover.core.placement;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy.LowestLatency;
import static dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy.Priority;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TargetSelectorTest {
  private static final PlacementPreference PRIORITY =
      PlacementPreference.of(Priority, "toronto", "chicago", "washington");
  private static final PlacementPreference LOWEST_LATENCY =
      PlacementPreference.of(LowestLatency, "toronto", "chicago", "washington");

  private final TargetSelector selector = new TargetSelector();

  private static Candidate dc(String name, DataCenterPhase phase, long latencyMillis) {
    return new Candidate(name, phase, Duration.ofMillis(latencyMillis), true, false);
  }

  private Optional<String> select(PlacementPreference preference, Candidate... candidates) {
    return selector.select(preference, List.of(candidates)).map(Candidate::name);
  }

  @Test
  void priorityPicksThePrimaryWhenItIsHealthy() {
    assertThat(
            select(
                PRIORITY,
                dc("washington", Healthy, 5),
                dc("chicago", Healthy, 10),
                dc("toronto", Healthy, 90)))
        .hasValue("toronto");
  }

  @Test
  void priorityFallsBackToSecondariesInTheirListedOrder() {
    assertThat(
            select(
                PRIORITY,
                dc("washington", Healthy, 5),
                dc("chicago", Healthy, 10),
                dc("toronto", Unreachable, 1)))
        .hasValue("chicago");
    assertThat(
            select(
                PRIORITY,
                dc("washington", Healthy, 5),
                dc("chicago", Unreachable, 10),
                dc("toronto", Unreachable, 1)))
        .hasValue("washington");
  }

  @Test
  void failsOverToLowestLatencyHealthyDataCenter() {
    assertThat(
            select(
                LOWEST_LATENCY,
                dc("toronto", Healthy, 40),
                dc("chicago", Healthy, 25),
                dc("washington", Healthy, 30)))
        .hasValue("chicago");
  }

  @Test
  void lowestLatencyBreaksTiesByListedOrder() {
    assertThat(
            select(
                LOWEST_LATENCY,
                dc("washington", Healthy, 20),
                dc("chicago", Healthy, 20),
                dc("toronto", Healthy, 21)))
        .hasValue("chicago");
  }

  @Test
  void lowestLatencyRanksUnmeasuredDataCentersLast() {
    Candidate unmeasured = new Candidate("toronto", Healthy, null, true, false);

    assertThat(select(LOWEST_LATENCY, unmeasured, dc("washington", Healthy, 900)))
        .hasValue("washington");
    assertThat(select(LOWEST_LATENCY, unmeasured)).hasValue("toronto");
  }

  @Test
  void neverChoosesTheDataCenterBeingLeft() {
    List<Candidate> candidates = List.of(dc("toronto", Healthy, 1), dc("chicago", Degraded, 9));

    assertThat(selector.select(PRIORITY, candidates, "toronto").map(Candidate::name))
        .hasValue("chicago");
    assertThat(selector.select(PRIORITY, List.of(dc("toronto", Healthy, 1)), "toronto")).isEmpty();
  }

  @Test
  void requiresSpareCapacity() {
    Candidate full = new Candidate("toronto", Healthy, Duration.ofMillis(1), false, false);

    assertThat(select(PRIORITY, full, dc("chicago", Healthy, 50))).hasValue("chicago");
    assertThat(select(PRIORITY, full)).isEmpty();
  }

  @Test
  void neverChoosesADataCenterThatStillAwaitsItsFence() {
    Candidate unfenced = new Candidate("toronto", Healthy, Duration.ofMillis(1), true, true);

    assertThat(select(PRIORITY, unfenced, dc("washington", Probation, 50))).hasValue("washington");
    assertThat(select(PRIORITY, unfenced)).isEmpty();
  }

  @Test
  void ignoresDataCentersThePolicyDoesNotList() {
    assertThat(select(PRIORITY, dc("frankfurt", Healthy, 1), dc("washington", Degraded, 50)))
        .hasValue("washington");
  }

  @Test
  void choosesNothingFromNothing() {
    assertThat(select(PRIORITY)).isEmpty();
    assertThat(select(LOWEST_LATENCY)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DataCenterPhase.class)
  void onlyHealthyDegradedAndProbationPhasesCanEverBeChosen(DataCenterPhase phase) {
    boolean eligible = phase == Healthy || phase == Degraded || phase == Probation;

    for (PlacementPreference preference : List.of(PRIORITY, LOWEST_LATENCY)) {
      assertThat(select(preference, dc("chicago", phase, 10)).isPresent())
          .as("%s with %s", phase, preference.strategy())
          .isEqualTo(eligible);
    }
  }

  @Test
  void healthyBeatsABrownoutEvenWhenTheBrownoutIsPreferredOrFaster() {
    assertThat(select(PRIORITY, dc("toronto", Degraded, 1), dc("washington", Healthy, 80)))
        .hasValue("washington");
    assertThat(select(LOWEST_LATENCY, dc("toronto", Degraded, 1), dc("washington", Healthy, 80)))
        .hasValue("washington");
  }

  @Test
  void brownoutIsALastResortThatBeatsProbation() {
    assertThat(select(PRIORITY, dc("toronto", Probation, 1), dc("washington", Degraded, 80)))
        .hasValue("washington");
    assertThat(select(LOWEST_LATENCY, dc("toronto", Probation, 1), dc("washington", Degraded, 80)))
        .hasValue("washington");
  }

  @Test
  void probationIsChosenOnlyWhenNothingElseQualifies() {
    assertThat(select(PRIORITY, dc("toronto", Probation, 1), dc("chicago", Unreachable, 80)))
        .hasValue("toronto");
  }

  @Test
  void lowestLatencyOrdersWithinTheLastResortTierToo() {
    assertThat(
            select(
                LOWEST_LATENCY,
                dc("toronto", Degraded, 400),
                dc("chicago", Degraded, 300),
                dc("washington", Probation, 1)))
        .hasValue("chicago");
  }

  /** Independent statement of the rule, for the full two-data-center phase matrix. */
  private static final Map<DataCenterPhase, Integer> TIER =
      Map.of(Healthy, 0, Degraded, 1, Probation, 2);

  static Stream<Arguments> phasePairs() {
    return Stream.of(PlacementStrategy.values())
        .flatMap(
            strategy ->
                Stream.of(DataCenterPhase.values())
                    .flatMap(
                        primary ->
                            Stream.of(DataCenterPhase.values())
                                .map(secondary -> Arguments.of(strategy, primary, secondary))));
  }

  @ParameterizedTest(name = "{0}: primary {1}, secondary {2}")
  @MethodSource("phasePairs")
  void choosesByTierThenByStrategyForEveryPhaseCombination(
      PlacementStrategy strategy, DataCenterPhase primaryPhase, DataCenterPhase secondaryPhase) {
    // The secondary is faster, so only LowestLatency prefers it within a tier.
    PlacementPreference preference = PlacementPreference.of(strategy, "toronto", "chicago");
    Integer primaryTier = TIER.get(primaryPhase);
    Integer secondaryTier = TIER.get(secondaryPhase);
    Optional<String> expected;
    if (primaryTier == null && secondaryTier == null) {
      expected = Optional.empty();
    } else if (secondaryTier == null) {
      expected = Optional.of("toronto");
    } else if (primaryTier == null || secondaryTier < primaryTier) {
      expected = Optional.of("chicago");
    } else if (primaryTier < secondaryTier) {
      expected = Optional.of("toronto");
    } else {
      expected = Optional.of(strategy == LowestLatency ? "chicago" : "toronto");
    }

    assertThat(
            select(preference, dc("toronto", primaryPhase, 50), dc("chicago", secondaryPhase, 10)))
        .isEqualTo(expected);
  }
}
