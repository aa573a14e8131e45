package dev.failover.operator.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Disaster-recovery mode: {@code failover_disaster_recovery_active} (1 while on) per policy that
 * declares the mode, labelled namespace and policy only, so its cardinality is that of the
 * policies; {@code failover_disaster_recovery_switches_total} by the mode switched to and why; and
 * {@code failover_disaster_recovery_polls_total} by what a trigger poll found (a fixed set of
 * reasons). No label carries a record's value, a key or a resolver.
 */
public final class DisasterRecoveryMetrics {
  public static final String ACTIVE = "failover_disaster_recovery_active";
  public static final String SWITCHES = "failover_disaster_recovery_switches";
  public static final String POLLS = "failover_disaster_recovery_polls";

  private record Policy(String namespace, String name) {}

  private final MeterRegistry registry;
  private final Map<Policy, Boolean> active = new ConcurrentHashMap<>();

  public DisasterRecoveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void mode(String namespace, String policy, boolean on) {
    Policy key = new Policy(namespace, policy);
    if (active.put(key, on) == null) {
      Gauge.builder(ACTIVE, () -> Boolean.TRUE.equals(active.get(key)) ? 1 : 0)
          .description("1 while the policy is in disaster-recovery mode")
          .tags("namespace", namespace, "policy", policy)
          .register(registry);
    }
  }

  public void switched(String mode, String reason) {
    Counter.builder(SWITCHES)
        .description("Disaster-recovery mode switches, by the mode switched to and why")
        .tags("to", mode, "reason", reason)
        .register(registry)
        .increment();
  }

  public void polled(String result) {
    Counter.builder(POLLS)
        .description("Trigger record polls folded into a policy's mode, by what they found")
        .tags("result", result)
        .register(registry)
        .increment();
  }

  /** The policy is deleted, or no longer declares the mode. */
  public void forget(String namespace, String policy) {
    if (active.remove(new Policy(namespace, policy)) != null) {
      registry
          .find(ACTIVE)
          .tags("namespace", namespace, "policy", policy)
          .meters()
          .forEach(registry::remove);
    }
  }
}
