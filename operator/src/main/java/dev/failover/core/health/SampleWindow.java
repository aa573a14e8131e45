package dev.failover.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The probes of the last brownout window, newest last. The window covers {@code [newest.at −
 * window, newest.at]}; older probes are dropped, and a hard cap bounds memory.
 *
 * <p>It is <em>filled</em> once probes have covered a whole window: the first probe of the current
 * unbroken run ({@code observedSince}) is at least one window before the newest. A gap longer than
 * the window leaves nothing to compare with, so the run, and the filling, start again.
 *
 * @param observedSince the first probe of the current unbroken run; null while empty
 */
public record SampleWindow(List<ProbeResult> samples, Instant observedSince) {

  /** A memory bound, not a tuning knob: at one probe a second it holds 17 minutes. */
  static final int MAX_SAMPLES = 1024;

  public SampleWindow {
    samples = List.copyOf(samples);
    if (!samples.isEmpty()) {
      Objects.requireNonNull(observedSince, "observedSince of a non-empty window");
    }
  }

  public static SampleWindow empty() {
    return new SampleWindow(List.of(), null);
  }

  /** This window with the probe added and what fell out of {@code window} dropped. */
  public SampleWindow plus(ProbeResult probe, Duration window) {
    Instant start = probe.at().minus(window);
    List<ProbeResult> kept = new ArrayList<>();
    for (ProbeResult sample : samples) {
      if (!sample.at().isBefore(start)) {
        kept.add(sample);
      }
    }
    Instant since = kept.isEmpty() ? probe.at() : observedSince;
    kept.add(probe);
    if (kept.size() > MAX_SAMPLES) {
      kept = kept.subList(kept.size() - MAX_SAMPLES, kept.size());
    }
    return new SampleWindow(kept, since);
  }

  /** A window holding just this probe. */
  SampleWindow startingWith(ProbeResult probe) {
    return new SampleWindow(List.of(probe), probe.at());
  }

  public boolean isEmpty() {
    return samples.isEmpty();
  }

  public Optional<ProbeResult> newest() {
    return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
  }

  public boolean isFilled(Duration window) {
    return newest()
        .map(newest -> Duration.between(observedSince, newest.at()).compareTo(window) >= 0)
        .orElse(false);
  }

  /**
   * Percentiles over successful probes only: a refused connection returns in a millisecond and
   * would make a dead data center look fast. Failures count in the error rate instead.
   */
  public Optional<LatencyPercentiles> latency() {
    return LatencyPercentiles.of(
        samples.stream().filter(ProbeResult::ok).map(ProbeResult::latency).toList());
  }

  /** Failed probes as a percentage of all probes in the window; 0 when empty. */
  public double errorRatePercent() {
    if (samples.isEmpty()) {
      return 0;
    }
    return failedProbes() * 100.0 / samples.size();
  }

  public long failedProbes() {
    return samples.stream().filter(sample -> sample.outcome().failed()).count();
  }

  /** The failed probes at the end of the window, oldest first: the run still going on. */
  List<ProbeResult> trailingFailures() {
    int first = samples.size();
    while (first > 0 && samples.get(first - 1).outcome().failed()) {
      first--;
    }
    return samples.subList(first, samples.size());
  }

  /**
   * The error rate without the run of failures still going on: until that run either ends (then its
   * failures were errors among answers, and count) or reaches the blackout threshold (then it is a
   * blackout), it is no evidence of a brownout. 0 when nothing else is left.
   */
  double settledErrorRatePercent() {
    int running = trailingFailures().size();
    int settled = samples.size() - running;
    if (settled == 0) {
      return 0;
    }
    return (failedProbes() - running) * 100.0 / settled;
  }

  /** The probes without the run of failures still going on. */
  long settledProbes() {
    return samples.size() - trailingFailures().size();
  }

  long settledFailedProbes() {
    return failedProbes() - trailingFailures().size();
  }
}
