package dev.failover.core.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The detection settings of one data center. Defaults live in the CRD; the core only checks that
 * the values make sense.
 *
 * @param failureThreshold consecutive failed probes that make a blackout (Unreachable)
 * @param recoveryThreshold consecutive successful probes that end Restoring
 * @param brownoutLatency p50 latency above which the data center is in a brownout
 * @param brownoutErrorRatePercent failed-probe percentage above which it is in a brownout
 * @param brownoutWindow how much probe history the brownout judgement looks at
 * @param brownoutRecoveryPercent the hysteresis band: a brownout ends only once p50 and error rate
 *     stay at or below this percentage of their thresholds for a whole window
 * @param probationDuration how long a recovered data center must go without a blackout before it is
 *     Healthy again
 */
public record HealthThresholds(
    int failureThreshold,
    int recoveryThreshold,
    Duration brownoutLatency,
    int brownoutErrorRatePercent,
    Duration brownoutWindow,
    int brownoutRecoveryPercent,
    Duration probationDuration) {

  public HealthThresholds {
    Objects.requireNonNull(brownoutLatency, "brownoutLatency");
    Objects.requireNonNull(brownoutWindow, "brownoutWindow");
    Objects.requireNonNull(probationDuration, "probationDuration");
    requireAtLeast("failureThreshold", failureThreshold, 1);
    requireAtLeast("recoveryThreshold", recoveryThreshold, 1);
    requirePositive("brownoutLatency", brownoutLatency);
    requirePercent("brownoutErrorRatePercent", brownoutErrorRatePercent, 0);
    requirePositive("brownoutWindow", brownoutWindow);
    requirePercent("brownoutRecoveryPercent", brownoutRecoveryPercent, 1);
    if (probationDuration.isNegative()) {
      throw new IllegalArgumentException(
          "probationDuration must not be negative, was " + probationDuration);
    }
  }

  /** The p50 latency a brownout must get down to before it can end. */
  public Duration latencyRecoveryBand() {
    return brownoutLatency.multipliedBy(brownoutRecoveryPercent).dividedBy(100);
  }

  /** The error rate, in percent, a brownout must get down to before it can end. */
  public double errorRateRecoveryBand() {
    return brownoutErrorRatePercent * brownoutRecoveryPercent / 100.0;
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }

  private static void requirePercent(String name, int value, int min) {
    if (value < min || value > 100) {
      throw new IllegalArgumentException(name + " must be in " + min + "..100, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
