package dev.failover.operator.config;

import java.time.Duration;
import java.util.Map;

/**
 * How capacity is measured and acted on, read once at start:
 *
 * <ul>
 *   <li>{@code FAILOVER_CAPACITY_INTERVAL}: how often each data center's capacity and CPU
 *       utilization are read, and how often an IaaS rider with a capacity threshold looks for a new
 *       utilization sample (default 15s, as often as metrics-server refreshes by default);
 *   <li>{@code FAILOVER_CAPACITY_COOLDOWN}: the least time between two changes of the machines an
 *       IaaS rider's capacity threshold added, so a change's effect is measured before the next
 *       (default 1m).
 * </ul>
 */
public record CapacityConfig(Duration interval, Duration cooldown) {
  public static CapacityConfig defaults() {
    return fromEnvironment(Map.of());
  }

  public static CapacityConfig fromEnvironment(Map<String, String> env) {
    return new CapacityConfig(
        PositiveDurationSetting.read(env, "FAILOVER_CAPACITY_INTERVAL", "15s"),
        PositiveDurationSetting.read(env, "FAILOVER_CAPACITY_COOLDOWN", "1m"));
  }
}
