package dev.failover.operator.rider;

import dev.failover.core.rider.UserLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a license's per-user limits into the workload's objects before they are applied: every
 * container of a Deployment or StatefulSet gets the limits as environment variables, and every
 * Ingress gets ingress-nginx's limit annotations. The objects given are not changed; copies are
 * returned.
 */
final class LicenseRendering {
  private LicenseRendering() {}

  static List<GenericKubernetesResource> render(
      List<GenericKubernetesResource> objects, UserLimits limits) {
    if (limits.isEmpty()) {
      return objects;
    }
    List<GenericKubernetesResource> rendered = new ArrayList<>();
    for (GenericKubernetesResource object : objects) {
      GenericKubernetesResource copy = Serialization.clone(object);
      if (ContainerEnvironment.hasContainers(copy)) {
        ContainerEnvironment.set(copy, limits.environment());
      } else if ("Ingress".equals(copy.getKind())) {
        Map<String, String> annotations =
            new LinkedHashMap<>(
                copy.getMetadata().getAnnotations() == null
                    ? Map.of()
                    : copy.getMetadata().getAnnotations());
        annotations.putAll(limits.ingressAnnotations());
        copy.getMetadata().setAnnotations(annotations);
      }
      rendered.add(copy);
    }
    return rendered;
  }
}
