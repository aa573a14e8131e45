package dev.failover.core.health;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Feeds probes, one a second, through a classifier and keeps the resulting state. */
final class ProbeFeed {
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  static final Duration FAST = Duration.ofMillis(50);
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** N=3, R=2, brownout p50 200ms or errors 20% over 10s, band 80%, probation 30s. */
  static final HealthThresholds THRESHOLDS =
      new HealthThresholds(
          3, 2, Duration.ofMillis(200), 20, Duration.ofSeconds(10), 80, Duration.ofSeconds(30));

  private final HealthClassifier classifier;
  private HealthState state = HealthState.initial(T0);
  private Instant clock = T0;
  private Optional<Exclusion> exclusion = Optional.empty();

  ProbeFeed() {
    this(THRESHOLDS);
  }

  ProbeFeed(HealthThresholds thresholds) {
    this.classifier = new HealthClassifier(thresholds);
  }

  ProbeFeed ok(int count) {
    return ok(count, FAST);
  }

  ProbeFeed ok(int count, Duration latency) {
    for (int i = 0; i < count; i++) {
      probe(ProbeResult.succeeded(clock, latency));
    }
    return this;
  }

  ProbeFeed timeouts(int count) {
    for (int i = 0; i < count; i++) {
      probe(ProbeResult.timedOut(clock, TIMEOUT));
    }
    return this;
  }

  ProbeFeed refusals(int count) {
    for (int i = 0; i < count; i++) {
      probe(ProbeResult.refused(clock, Duration.ofMillis(2)));
    }
    return this;
  }

  /** Probes that ended this way, each taking 3ms (a quick answer, or a quick refusal). */
  ProbeFeed probes(ProbeOutcome outcome, int count) {
    for (int i = 0; i < count; i++) {
      probe(new ProbeResult(clock, outcome, Duration.ofMillis(3)));
    }
    return this;
  }

  ProbeFeed probe(ProbeResult probe) {
    state = classifier.onProbe(state, probe, exclusion, clock);
    clock = clock.plusSeconds(1);
    return this;
  }

  ProbeFeed waitFor(Duration duration) {
    clock = clock.plus(duration);
    return this;
  }

  ProbeFeed tick() {
    state = classifier.onTick(state, exclusion, clock);
    return this;
  }

  ProbeFeed exclude(Exclusion exclusion) {
    this.exclusion = Optional.of(exclusion);
    return this;
  }

  ProbeFeed endExclusion() {
    this.exclusion = Optional.empty();
    return this;
  }

  HealthState state() {
    return state;
  }

  DataCenterPhase phase() {
    return state.phase();
  }

  Instant clock() {
    return clock;
  }

  /** The instant of the previous probe (the clock has moved one second past it). */
  Instant lastProbeAt() {
    return clock.minusSeconds(1);
  }
}
