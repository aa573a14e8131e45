package dev.failover.operator.observability;

import dev.failover.core.failover.FailbackSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Automatic failbacks per target data center: how many are in flight, how many wait for a slot, and
 * the limit. A waiting count that stays above zero is a returned data center working through its
 * backlog, {@code limit} failbacks at a time.
 */
public final class FailbackSlotMetrics {
  private final MeterRegistry registry;
  private final Set<String> tracked = ConcurrentHashMap.newKeySet();

  public FailbackSlotMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Starts the data center's series the first time a failback to it is admitted or waits. */
  public void track(FailbackSlots slots, String dataCenter) {
    if (!tracked.add(dataCenter)) {
      return;
    }
    Gauge.builder("failover_failbacks_in_flight", slots, s -> s.inFlight(dataCenter))
        .description("Automatic failbacks to the data center under way, holding a slot")
        .tag("datacenter", dataCenter)
        .register(registry);
    Gauge.builder("failover_failbacks_waiting", slots, s -> s.waiting(dataCenter))
        .description("Automatic failbacks to the data center that are due but wait for a slot")
        .tag("datacenter", dataCenter)
        .register(registry);
    Gauge.builder("failover_failbacks_limit", slots, FailbackSlots::limit)
        .description("Automatic failbacks allowed in flight to the data center at once")
        .tag("datacenter", dataCenter)
        .register(registry);
  }
}
