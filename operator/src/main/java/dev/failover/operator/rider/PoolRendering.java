package dev.failover.operator.rider;

import dev.failover.core.pool.ServicePool;
import dev.failover.core.pool.ServicePools;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Optional;

/**
 * Writes each service pool's timeout and retry settings into the containers of its components, so
 * the application times out and retries as the rider says. The objects given are not changed;
 * copies are returned.
 */
final class PoolRendering {
  private PoolRendering() {}

  static List<GenericKubernetesResource> render(
      List<GenericKubernetesResource> objects, ServicePools pools) {
    if (pools.isEmpty()) {
      return objects;
    }
    return objects.stream()
        .map(
            object -> {
              Optional<ServicePool> pool =
                  ContainerEnvironment.hasContainers(object) && object.getMetadata() != null
                      ? pools.poolOf(object.getMetadata().getName())
                      : Optional.empty();
              if (pool.isEmpty()) {
                return object;
              }
              GenericKubernetesResource copy = Serialization.clone(object);
              ContainerEnvironment.set(copy, pool.get().retry().environment(pool.get().name()));
              return copy;
            })
        .toList();
  }
}
