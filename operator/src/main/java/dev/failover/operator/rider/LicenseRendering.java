package dev.failover.operator.rider;

import dev.failover.core.rider.UserLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a license's per-user limits into the workload's objects before they are applied: every
 * container of a Deployment or StatefulSet gets the limits as environment variables, and every
 * Ingress gets ingress-nginx's limit annotations. The objects given are not changed; copies are
 * returned.
 */
final class LicenseRendering {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");

  private LicenseRendering() {}

  static List<GenericKubernetesResource> render(
      List<GenericKubernetesResource> objects, UserLimits limits) {
    if (limits.isEmpty()) {
      return objects;
    }
    List<GenericKubernetesResource> rendered = new ArrayList<>();
    for (GenericKubernetesResource object : objects) {
      GenericKubernetesResource copy = Serialization.clone(object);
      if (WORKLOADS.contains(copy.getKind())) {
        containers(copy).forEach(container -> setEnvironment(container, limits.environment()));
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

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(GenericKubernetesResource workload) {
    Object spec = workload.getAdditionalProperties().get("spec");
    if (!(spec instanceof Map<?, ?> specMap)
        || !(specMap.get("template") instanceof Map<?, ?> template)
        || !(template.get("spec") instanceof Map<?, ?> podSpec)
        || !(podSpec.get("containers") instanceof List<?> containers)) {
      return List.of();
    }
    return containers.stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<String, Object>) c)
        .toList();
  }

  /** Sets the variables, replacing any of the same name the manifest had: the license wins. */
  @SuppressWarnings("unchecked")
  private static void setEnvironment(Map<String, Object> container, Map<String, String> values) {
    List<Object> env =
        container.get("env") instanceof List<?> existing
            ? new ArrayList<>((List<Object>) existing)
            : new ArrayList<>();
    env.removeIf(entry -> entry instanceof Map<?, ?> map && values.containsKey(map.get("name")));
    values.forEach(
        (name, value) -> {
          Map<String, Object> entry = new LinkedHashMap<>(); // name first, as people write it
          entry.put("name", name);
          entry.put("value", value);
          env.add(entry);
        });
    container.put("env", env);
  }
}
