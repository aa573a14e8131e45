package dev.failover.core.vm;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One measurement of the utilization the rider's machines run under: CPU, and I/O where the data
 * center reports it, in percent of what it can serve.
 */
public record UtilizationSample(Instant at, double cpuPercent, OptionalDouble ioPercent) {
  public UtilizationSample {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(ioPercent, "ioPercent");
    if (cpuPercent < 0 || ioPercent.orElse(0) < 0) {
      throw new IllegalArgumentException("utilization cannot be negative");
    }
  }
}
