package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.health.HealthClassifier;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.health.LatencyPercentiles;
import dev.failover.core.health.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Probes, one a second, go through the health classifier into the state machine while the primary a
 * flaps every 5 seconds for 2 minutes. Hysteresis must hold it to at most one failover and one
 * failback.
 */
class FlappingSimulationTest {
  private static final HealthThresholds THRESHOLDS =
      new HealthThresholds(
          3, 2, Duration.ofMillis(200), 50, Duration.ofSeconds(10), 80, Duration.ofSeconds(30));
  private static final int FLAP_START = 20;
  private static final int FLAP_END = FLAP_START + 120;
  private static final int END = 300;

  private HealthClassifier classifier = new HealthClassifier(THRESHOLDS);

  /** True during the flapping window's "bad" halves: 5 seconds bad, 5 seconds good. */
  private static boolean badAt(int second) {
    return second >= FLAP_START && second < FLAP_END && (second - FLAP_START) / 5 % 2 == 0;
  }

  @Test
  void blackoutFlappingCausesOneFailoverAndOneFailback() {
    List<FailoverRecord> history =
        simulate(
            (second, at) ->
                badAt(second)
                    ? ProbeResult.timedOut(at, Duration.ofSeconds(1))
                    : ProbeResult.succeeded(at, Duration.ofMillis(20)),
            DataCenterPhase.Unreachable,
            DataCenterPhase.Restoring,
            DataCenterPhase.Probation);

    assertThat(history)
        .extracting(FailoverRecord::from, FailoverRecord::to, FailoverRecord::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "b", FailoverReason.Blackout),
            org.assertj.core.groups.Tuple.tuple("b", "a", FailoverReason.AutomaticFailback));
    assertThat(history.get(1).detectedAt())
        .as("failback only after the flapping stopped and probation passed")
        .isAfterOrEqualTo(at(FLAP_END - 5).plus(THRESHOLDS.probationDuration()));
  }

  @Test
  void latencyFlappingCausesOneBrownoutFailoverAndOneFailback() {
    List<FailoverRecord> history =
        simulate(
            (second, at) ->
                ProbeResult.succeeded(
                    at, badAt(second) ? Duration.ofMillis(600) : Duration.ofMillis(20)),
            DataCenterPhase.Degraded);

    // One brownout sends it to b; hysteresis keeps it there until a has been calm for a window.
    assertThat(history)
        .extracting(FailoverRecord::reason)
        .containsExactly(FailoverReason.Brownout, FailoverReason.AutomaticFailback);
    assertThat(history.get(1).detectedAt())
        .as("failback only after a whole calm window")
        .isAfterOrEqualTo(at(FLAP_END - 5).plus(THRESHOLDS.brownoutWindow()));
  }

  @Test
  void withoutProbationTheSameFlappingWouldFailOverAgainAndAgain() {
    classifier =
        new HealthClassifier(
            new HealthThresholds(
                3, 1, Duration.ofMillis(200), 50, Duration.ofSeconds(10), 80, Duration.ZERO));

    List<FailoverRecord> history =
        simulate(
            (second, at) ->
                badAt(second)
                    ? ProbeResult.timedOut(at, Duration.ofSeconds(1))
                    : ProbeResult.succeeded(at, Duration.ofMillis(20)),
            DataCenterPhase.Unreachable);

    assertThat(history.stream().filter(r -> !r.reason().failback()))
        .as("the control: probation is what prevents the storm")
        .hasSizeGreaterThan(5);
  }

  private static Instant at(int second) {
    return SimulatedWorld.T0.plusSeconds(second);
  }

  /** Runs the world for {@link #END} seconds; returns the history; ends active in a. */
  private List<FailoverRecord> simulate(
      BiFunction<Integer, Instant, ProbeResult> probeOfA, DataCenterPhase... flappedThrough) {
    SimulatedWorld world = SimulatedWorld.standard();
    Map<String, HealthState> health = new HashMap<>();
    for (String name : List.of("a", "b", "c")) {
      health.put(name, HealthState.initial(world.now()));
    }
    List<DataCenterPhase> phasesOfA = new ArrayList<>();

    for (int second = 0; second < END; second++) {
      Instant now = at(second);
      world.advance(Duration.between(world.now(), now));
      for (String name : List.of("a", "b", "c")) {
        ProbeResult probe =
            name.equals("a")
                ? probeOfA.apply(second, now)
                : ProbeResult.succeeded(now, Duration.ofMillis(30));
        HealthState state = classifier.onProbe(health.get(name), probe, Optional.empty(), now);
        health.put(name, state);
        world.view(
            new DataCenterView(
                name,
                state.phase(),
                state.phaseSince(),
                state.latency().map(LatencyPercentiles::p50).orElse(null),
                true,
                probe.ok()));
      }
      phasesOfA.add(health.get("a").phase());
      world.step();
    }

    assertThat(phasesOfA).as("a really flapped").contains(flappedThrough);
    assertThat(phasesOfA.get(phasesOfA.size() - 1)).isEqualTo(DataCenterPhase.Healthy);
    world.assertActiveIn("a");
    assertThat(world.progress().awaitingFence()).isEmpty();
    return world.history();
  }
}
