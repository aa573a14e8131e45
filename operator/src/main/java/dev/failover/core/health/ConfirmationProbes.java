package dev.failover.core.health;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Quick confirmation of a failed probe. After a refused or timed-out probe of a data center that
 * serves, the next probe comes {@code interval} after the answer instead of a whole probe interval
 * after the last one, and so on until a probe gets through or the failures reach the blackout
 * threshold. With 2 s probes, a 1 s timeout and a threshold of 3, a stopped control plane (refused)
 * is Unreachable about 0.4 s after the first refusal instead of 4 s, and a hung one (timed out)
 * about 2.4 s after the first timeout instead of 4 s.
 *
 * <p>The price is for hangs: a server that answers nothing for {@code threshold × timeout +
 * (threshold - 1) × interval} (3.4 s with the defaults) is now a blackout, where it had to hang for
 * about {@code (threshold - 1) × probe interval + timeout} (5 s). A longer hang than that is no bad
 * second, and the brownout rules, not the blackout rule, judge a slow server that still answers.
 * The probe loop confirms a timeout only when the timeout and this interval together are shorter
 * than the probe interval, so confirming is never slower than the schedule. An {@code interval} of
 * zero turns confirmation off.
 */
public record ConfirmationProbes(Duration interval) {
  public static final ConfirmationProbes OFF = new ConfirmationProbes(Duration.ZERO);

  /** Phases in which a blackout would move workloads, so a fast verdict is worth a request. */
  private static final Set<DataCenterPhase> SERVING =
      Set.of(DataCenterPhase.Healthy, DataCenterPhase.Degraded, DataCenterPhase.Probation);

  public ConfirmationProbes {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, was " + interval);
    }
  }

  /**
   * When to probe again after {@code probe} left the data center in {@code state}; empty when the
   * regular schedule should decide.
   */
  public Optional<Duration> after(
      HealthState state, ProbeResult probe, HealthThresholds thresholds) {
    boolean confirm =
        !interval.isZero()
            && probe.outcome().failed()
            && SERVING.contains(state.phase())
            && state.consecutiveFailures() > 0
            && state.consecutiveFailures() < thresholds.failureThreshold();
    return confirm ? Optional.of(interval) : Optional.empty();
  }
}
