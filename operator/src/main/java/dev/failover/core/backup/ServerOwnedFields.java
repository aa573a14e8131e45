package dev.failover.core.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an object as a data center returns it into one that can be applied again, to that data
 * center or an empty one: what the API server owns and sets itself is removed (status, identity,
 * versions, field ownership, timestamps, the controller's revision), and so is what is allocated
 * per cluster (a Service's cluster IPs), which another cluster would refuse or could not honour.
 */
public final class ServerOwnedFields {
  private static final Set<String> METADATA =
      Set.of(
          "resourceVersion",
          "uid",
          "managedFields",
          "creationTimestamp",
          "generation",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "ownerReferences",
          "finalizers");
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "deployment.kubernetes.io/revision", "kubectl.kubernetes.io/last-applied-configuration");
  private static final Set<String> SERVICE_SPEC =
      Set.of("clusterIP", "clusterIPs", "healthCheckNodePort");

  private ServerOwnedFields() {}

  /** A deep copy without the server-owned fields; the input is not changed. */
  public static Map<String, Object> strip(Map<String, Object> object) {
    Map<String, Object> copy = deepCopy(object);
    copy.remove("status");
    if (copy.get("metadata") instanceof Map<?, ?> metadata) {
      Map<String, Object> meta = cast(metadata);
      METADATA.forEach(meta::remove);
      if (meta.get("annotations") instanceof Map<?, ?> annotations) {
        Map<String, Object> kept = cast(annotations);
        ANNOTATIONS.forEach(kept::remove);
        if (kept.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
    if ("Service".equals(copy.get("kind"))
        && "v1".equals(copy.get("apiVersion"))
        && copy.get("spec") instanceof Map<?, ?> spec) {
      SERVICE_SPEC.forEach(cast(spec)::remove);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static Map<String, Object> deepCopy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), deepCopyValue(value)));
    return copy;
  }

  private static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopy(map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ServerOwnedFields::deepCopyValue).toList();
    }
    return value;
  }
}
