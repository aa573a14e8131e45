package dev.failover.operator.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Each policy's SLA figures as gauges, labelled namespace and policy only: {@code
 * failover_availability_ratio} (the rolling 30 days), {@code
 * failover_error_budget_remaining_seconds} (the current month's, negative once overspent) and
 * {@code failover_sla_credit_percent} (the credit the month so far earns, 0 when none). A deleted
 * policy's series are removed.
 */
public final class SlaMetrics {
  public static final String AVAILABILITY = "failover_availability_ratio";
  public static final String BUDGET = "failover_error_budget_remaining_seconds";
  public static final String CREDIT = "failover_sla_credit_percent";

  /** One policy's figures at its last reconcile. */
  public record Figures(
      double availabilityRatio, long budgetRemainingSeconds, double creditPercent) {}

  private record Policy(String namespace, String name) {}

  private final MeterRegistry registry;
  private final Map<Policy, Figures> figures = new ConcurrentHashMap<>();

  public SlaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void recorded(String namespace, String policy, Figures now) {
    Policy key = new Policy(namespace, policy);
    if (figures.put(key, now) == null) {
      gauge(
          AVAILABILITY,
          "Availability over the rolling 30 days, 0..1",
          key,
          Figures::availabilityRatio);
      gauge(
          BUDGET,
          "The current month's error budget left, in seconds; negative once overspent",
          key,
          f -> f.budgetRemainingSeconds());
      gauge(
          CREDIT,
          "SLA credit the current month earns so far, in percent",
          key,
          Figures::creditPercent);
    }
  }

  /** The policy is deleted: its series end instead of reporting its last figures forever. */
  public void forget(String namespace, String policy) {
    figures.remove(new Policy(namespace, policy));
    for (String name : List.of(AVAILABILITY, BUDGET, CREDIT)) {
      registry
          .find(name)
          .tags("namespace", namespace, "policy", policy)
          .meters()
          .forEach(registry::remove);
    }
  }

  private void gauge(String name, String description, Policy key, ToDoubleFunction<Figures> value) {
    Gauge.builder(
            name,
            () -> {
              Figures now = figures.get(key);
              return now == null ? Double.NaN : value.applyAsDouble(now);
            })
        .description(description)
        .tags("namespace", key.namespace(), "policy", key.name())
        .register(registry);
  }
}
