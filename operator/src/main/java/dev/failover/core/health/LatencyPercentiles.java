package dev.failover.core.health;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the
 * sample at rank ceil(p/100 × n). It always returns a measured value, never an interpolation, so
 * "p50 = 120ms" means some probe really took 120ms.
 */
public record LatencyPercentiles(Duration p50, Duration p95, Duration p99) {

  public LatencyPercentiles {
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
  }

  /** Empty when there are no samples: an unmeasured latency is not a zero latency. */
  public static Optional<LatencyPercentiles> of(Collection<Duration> samples) {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = samples.stream().sorted().toList();
    return Optional.of(
        new LatencyPercentiles(
            nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99)));
  }

  /** The nearest-rank percentile of already sorted, non-empty samples; percentile in 1..100. */
  public static Duration nearestRank(List<Duration> sorted, int percentile) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no samples to take a percentile of");
    }
    if (percentile < 1 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in 1..100, was " + percentile);
    }
    // Integer ceiling of percentile × n / 100, so p50 of 2 samples is the lower one.
    int rank = (percentile * sorted.size() + 99) / 100;
    return sorted.get(rank - 1);
  }
}
