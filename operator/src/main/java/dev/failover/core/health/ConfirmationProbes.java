package dev.failover.core.health;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Quick confirmation of a refusal. After a refused probe of a data center that serves, the next
 * probe comes {@code interval} later instead of a whole probe interval, and so on until a probe
 * gets through or the failures reach the blackout threshold. A refused connection is a clear answer
 * (nothing listens, or the server said no), so confirming it at once costs a request or two and
 * saves whole intervals: with 2 s probes and a threshold of 3, a stopped control plane is
 * Unreachable about 0.4 s after the first refusal instead of 4 s.
 *
 * <p>A probe that timed out is not hurried: a hang looks the same as a slow, overloaded server, and
 * confirming it quickly would turn a bad second into a failover. Hangs keep the interval's pace,
 * which is also the RTO check's worst case. An {@code interval} of zero turns confirmation off.
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
            && probe.outcome() == ProbeOutcome.Refused
            && SERVING.contains(state.phase())
            && state.consecutiveFailures() > 0
            && state.consecutiveFailures() < thresholds.failureThreshold();
    return confirm ? Optional.of(interval) : Optional.empty();
  }
}
