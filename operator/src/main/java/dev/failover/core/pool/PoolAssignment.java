package dev.failover.core.pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one policy's workload falls into its rider's service pools.
 *
 * @param pooled each component that is in a pool, with its pool, in the workload's order
 * @param unpooled the components that are in no pool
 */
public record PoolAssignment(Map<String, ServicePool> pooled, List<String> unpooled) {
  public static final PoolAssignment NONE = new PoolAssignment(Map.of(), List.of());

  public PoolAssignment {
    pooled = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pooled));
    unpooled = List.copyOf(unpooled);
  }

  /** The pools the workload touches, in the order its components name them. */
  public List<ServicePool> pools() {
    return pooled.values().stream().distinct().toList();
  }

  /**
   * One policy holds components of several pools: they are placed and failed over together, which
   * is the coupling (A1,B1,C1) the pools exist to undo.
   */
  public boolean coupled() {
    return pools().size() > 1;
  }

  /**
   * The settings that govern the workload's health endpoint: its pool's; for a coupled workload the
   * strictest of its pools', since one endpoint answers for all of them.
   */
  public Optional<PoolRetry> retry() {
    return pools().stream().map(ServicePool::retry).reduce(PoolRetry::strictest);
  }

  /** "web (pool checkout), api (pool catalog)": which component is in which pool. */
  public String describe() {
    return pooled.entrySet().stream()
        .map(e -> e.getKey() + " (pool " + e.getValue().name() + ")")
        .collect(Collectors.joining(", "));
  }
}
