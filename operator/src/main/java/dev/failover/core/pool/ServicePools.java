package dev.failover.core.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rider's service pools, in the order it declares them. A component is in one pool at most. */
public record ServicePools(List<ServicePool> pools) {
  public static final ServicePools NONE = new ServicePools(List.of());

  public ServicePools {
    pools = List.copyOf(pools);
  }

  public boolean isEmpty() {
    return pools.isEmpty();
  }

  /** The pool a component is in, if any; the first that lists it, should two. */
  public Optional<ServicePool> poolOf(String component) {
    return pools.stream().filter(pool -> pool.components().contains(component)).findFirst();
  }

  /** How a workload with these components (its Deployments and StatefulSets) falls into pools. */
  public PoolAssignment assign(List<String> components) {
    Map<String, ServicePool> pooled = new LinkedHashMap<>();
    List<String> unpooled = new ArrayList<>();
    for (String component : components) {
      poolOf(component)
          .ifPresentOrElse(pool -> pooled.put(component, pool), () -> unpooled.add(component));
    }
    return new PoolAssignment(pooled, unpooled);
  }
}
