package dev.failover.core.health;

import dev.failover.core.DurationText;
import java.time.Duration;
import java.util.Optional;

/**
 * Judges a sample window against the brownout thresholds. Entering a brownout needs a filled window
 * whose p50 latency or error rate is strictly above its threshold (the error rate by more than
 * chance explains: {@link ErrorRateSignificance}); leaving needs both at or below the hysteresis
 * band, which {@link HealthClassifier} requires for a whole window. The failures of a run still
 * going on do not count towards entering: they may be the start of a blackout, and a stopped data
 * center must be reported as one, not as a brownout.
 */
final class BrownoutDetector {
  private final HealthThresholds thresholds;

  static final int MIN_FAILED_PROBES_FOR_ERROR_RATE = 2;

  BrownoutDetector(HealthThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** Why the window shows a brownout; empty when it does not or is not filled yet. */
  Optional<String> brownout(SampleWindow window) {
    if (!window.isFilled(thresholds.brownoutWindow())) {
      return Optional.empty();
    }
    String over = " over the last " + DurationText.format(thresholds.brownoutWindow());
    Optional<Duration> p50 = window.latency().map(LatencyPercentiles::p50);
    if (p50.isPresent() && p50.get().compareTo(thresholds.brownoutLatency()) > 0) {
      return Optional.of(
          "brownout: p50 latency "
              + DurationText.format(p50.get())
              + over
              + " exceeds "
              + DurationText.format(thresholds.brownoutLatency()));
    }
    // With the defaults, the 2nd refusal in a row is 13% of a 30s window, over 5%, one probe
    // before the 3-in-a-row blackout: counted, it would report every blackout as a brownout.
    double errorRate = window.settledErrorRatePercent();
    // One failed probe is noise, not a brownout, however few probes the window holds: with 15
    // probes in it, a single failure is already 6.7% and would move workloads before a blackout
    // could even be confirmed. Nor are a few failures that chance alone explains.
    if (errorRate > thresholds.brownoutErrorRatePercent()
        && window.settledFailedProbes() >= MIN_FAILED_PROBES_FOR_ERROR_RATE
        && ErrorRateSignificance.above(
            window.settledFailedProbes(),
            window.settledProbes(),
            thresholds.brownoutErrorRatePercent())) {
      return Optional.of(
          "brownout: error rate "
              + percent(errorRate)
              + over
              + " exceeds "
              + thresholds.brownoutErrorRatePercent()
              + "%");
    }
    return Optional.empty();
  }

  /** True when a filled window is at or below the band on both latency and error rate. */
  boolean withinRecoveryBand(SampleWindow window) {
    if (!window.isFilled(thresholds.brownoutWindow())) {
      return false;
    }
    // No successful probe means no latency to speak of, and an error rate of 100%.
    boolean latencyCalm =
        window
            .latency()
            .map(latency -> latency.p50().compareTo(thresholds.latencyRecoveryBand()) <= 0)
            .orElse(false);
    return latencyCalm && window.errorRatePercent() <= thresholds.errorRateRecoveryBand();
  }

  String recovered() {
    return "brownout over: p50 latency and error rate stayed within "
        + thresholds.brownoutRecoveryPercent()
        + "% of their thresholds ("
        + DurationText.format(thresholds.latencyRecoveryBand())
        + ", "
        + percent(thresholds.errorRateRecoveryBand())
        + ") for "
        + DurationText.format(thresholds.brownoutWindow());
  }

  private static String percent(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return (rounded == Math.rint(rounded)
            ? String.valueOf((long) rounded)
            : String.valueOf(rounded))
        + "%";
  }
}
