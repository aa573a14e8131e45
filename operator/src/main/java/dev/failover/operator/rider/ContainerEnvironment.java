package dev.failover.operator.rider;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Environment variables written into the containers of a workload object's pod template. */
final class ContainerEnvironment {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");

  private ContainerEnvironment() {}

  static boolean hasContainers(GenericKubernetesResource object) {
    return WORKLOADS.contains(object.getKind());
  }

  /**
   * Sets the variables in every container of the object, replacing any of the same name the
   * manifest had: what the operator renders wins. Changes the object given.
   */
  static void set(GenericKubernetesResource object, Map<String, String> values) {
    containers(object).forEach(container -> setIn(container, values));
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

  @SuppressWarnings("unchecked")
  private static void setIn(Map<String, Object> container, Map<String, String> values) {
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
