package dev.failover.operator.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backup service: {@code failover_backups_total{result}} counts runs that read a data center
 * (taken, taken_nearly_full, refused, too_large, failed; a run that was not due is not counted),
 * and {@code failover_backup_store_usage_ratio} is how full the store was at the last run, 0..1. No
 * policy or data-center label: the store is one, and the result is what an alert needs.
 */
public final class BackupMetrics {
  public static final String RUNS = "failover_backups_total";
  public static final String USAGE = "failover_backup_store_usage_ratio";

  private final MeterRegistry registry;
  private final AtomicReference<Double> usage = new AtomicReference<>(0.0);

  public BackupMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(USAGE, usage, AtomicReference::get)
        .description("How full the backup store is, 0..1 of its declared capacity")
        .register(registry);
  }

  /**
   * @param result the run's result in snake case, one of a fixed few
   */
  public void ran(String result, double storeUsageRatio) {
    Counter.builder(RUNS)
        .description("Backup runs that read a data center, by result")
        .tag("result", result)
        .register(registry)
        .increment();
    usage.set(storeUsageRatio);
  }

  public void storeMeasured(double storeUsageRatio) {
    usage.set(storeUsageRatio);
  }
}
