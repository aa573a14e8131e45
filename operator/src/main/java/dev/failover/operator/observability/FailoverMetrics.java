package dev.failover.operator.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Completed failovers and failbacks, and the RTO each one measured. */
public final class FailoverMetrics {
  private final MeterRegistry registry;

  public FailoverMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void completed(String reason, String from, String to, Duration measuredRto) {
    Counter.builder("failover_moves")
        .description("Completed failovers, failbacks and placements")
        .tag("reason", reason)
        .tag("from", from == null ? "" : from)
        .tag("to", to)
        .register(registry)
        .increment();
    Timer.builder("failover_rto")
        .description("Measured RTO: from detection to traffic on the new data center")
        .tag("reason", reason)
        .publishPercentileHistogram()
        .serviceLevelObjectives(
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2))
        .register(registry)
        .record(measuredRto);
  }
}
