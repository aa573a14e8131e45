package dev.failover.operator.observability;

import dev.failover.core.rider.LicenseAlerts.LimitUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each rider's license usage against each limit, as gauges {@code failover_rider_license_used} and
 * {@code failover_rider_license_allowed}, and the security alerts raised, as the counter {@code
 * failover_rider_security_alerts_total}; all labelled namespace, kind, rider and limit (bounded:
 * never a subject's name). A deleted rider's series, and those of a limit its license no longer
 * sets, are removed.
 */
public final class RiderLicenseMetrics {
  static final String USED = "failover_rider_license_used";
  static final String ALLOWED = "failover_rider_license_allowed";
  static final String ALERTS = "failover_rider_security_alerts";

  /** One series: a limit of one rider. */
  public record Series(String namespace, String kind, String rider, String limit) {
    boolean of(String namespace, String kind, String rider) {
      return this.namespace.equals(namespace) && this.kind.equals(kind) && this.rider.equals(rider);
    }
  }

  private record Usage(long used, long allowed) {}

  private final MeterRegistry registry;
  private final Map<Series, Usage> usage = new ConcurrentHashMap<>();

  public RiderLicenseMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The rider's usage now: one entry per limit; a limit absent from it loses its series. */
  public void recorded(String namespace, String kind, String rider, List<LimitUsage> limits) {
    Set<String> now =
        limits.stream().map(LimitUsage::limit).collect(java.util.stream.Collectors.toSet());
    usage.keySet().stream()
        .filter(s -> s.of(namespace, kind, rider) && !now.contains(s.limit()))
        .toList()
        .forEach(this::remove);
    for (LimitUsage limit : limits) {
      Series series = new Series(namespace, kind, rider, limit.limit());
      if (usage.put(series, new Usage(limit.used(), limit.allowed())) == null) {
        gauge(USED, "License usage of the rider against the limit", series, true);
        gauge(ALLOWED, "What the rider's license allows for the limit", series, false);
      }
    }
  }

  /** A security alert was raised for the limit. */
  public void alerted(String namespace, String kind, String rider, String limit) {
    Counter.builder(ALERTS)
        .description("Security alerts raised because a rider passed a license limit")
        .tags("namespace", namespace, "kind", kind, "rider", rider, "limit", limit)
        .register(registry)
        .increment();
  }

  /** The rider is deleted: its series end instead of reporting its last usage forever. */
  public void forget(String namespace, String kind, String rider) {
    usage.keySet().stream()
        .filter(s -> s.of(namespace, kind, rider))
        .toList()
        .forEach(this::remove);
    for (String name : Set.of(USED, ALLOWED, ALERTS)) {
      registry
          .find(name)
          .tags("namespace", namespace, "kind", kind, "rider", rider)
          .meters()
          .forEach(registry::remove);
    }
  }

  private void remove(Series series) {
    usage.remove(series);
    for (String name : Set.of(USED, ALLOWED)) {
      registry
          .find(name)
          .tags(
              "namespace",
              series.namespace(),
              "kind",
              series.kind(),
              "rider",
              series.rider(),
              "limit",
              series.limit())
          .meters()
          .forEach(registry::remove);
    }
  }

  private void gauge(String name, String description, Series series, boolean used) {
    Gauge.builder(
            name,
            () -> {
              Usage now = usage.get(series);
              return now == null ? Double.NaN : used ? now.used() : now.allowed();
            })
        .description(description)
        .tags(
            "namespace",
            series.namespace(),
            "kind",
            series.kind(),
            "rider",
            series.rider(),
            "limit",
            series.limit())
        .register(registry);
  }
}
