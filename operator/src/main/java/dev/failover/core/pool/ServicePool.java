package dev.failover.core.pool;

import java.util.List;

/**
 * One independent pool of a PaaS rider: every instance of one service (A1..An), named by the
 * workload objects (Deployments, StatefulSets) that make it up.
 */
public record ServicePool(String name, List<String> components, PoolRetry retry) {
  public ServicePool {
    components = List.copyOf(components);
  }
}
