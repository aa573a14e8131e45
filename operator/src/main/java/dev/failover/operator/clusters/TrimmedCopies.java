package dev.failover.operator.clusters;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An informer's store that keeps of each object only what the operator reads from the cache: the
 * identifying metadata and labels, and for a Deployment or StatefulSet its replicas and the status
 * fields that say whether it serves. The rest (managedFields, annotations, a ConfigMap's data, a
 * pod template) is replaced by a digest of the content, so an edit is still told apart from a
 * status update. A thousand policies' objects then take a small part of the memory whole copies
 * did.
 */
final class TrimmedCopies extends BasicItemStore<GenericKubernetesResource> {
  /** The annotation, on the cached copy only, holding the digest of everything but the status. */
  static final String CONTENT_DIGEST = "failover.dev/cached-content-digest";

  private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet");
  private static final Set<String> READINESS_FIELDS =
      Set.of(
          "observedGeneration",
          "replicas",
          "readyReplicas",
          "availableReplicas",
          "updatedReplicas");

  TrimmedCopies() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
    trim(object);
    return super.put(key, object);
  }

  /** Trims the object in place: the informer hands the same instance to its event handlers. */
  static void trim(GenericKubernetesResource object) {
    Map<String, Object> content = object.getAdditionalProperties();
    Map<String, Object> withoutStatus = new LinkedHashMap<>(content);
    withoutStatus.remove("status");
    String digest = Integer.toHexString(withoutStatus.hashCode());
    Map<String, Object> kept = new LinkedHashMap<>();
    if (object.getApiVersion() != null
        && object.getApiVersion().startsWith("apps/")
        && SCALABLE.contains(object.getKind())) {
      if (content.get("spec") instanceof Map<?, ?> spec && spec.get("replicas") != null) {
        kept.put("spec", Map.of("replicas", spec.get("replicas")));
      }
      if (content.get("status") instanceof Map<?, ?> status) {
        kept.put("status", readiness(status));
      }
    }
    content.clear();
    content.putAll(kept);
    ObjectMeta metadata = object.getMetadata();
    if (metadata != null) {
      object.setMetadata(
          new ObjectMetaBuilder()
              .withName(metadata.getName())
              .withNamespace(metadata.getNamespace())
              .withUid(metadata.getUid())
              .withResourceVersion(metadata.getResourceVersion())
              .withGeneration(metadata.getGeneration())
              .withCreationTimestamp(metadata.getCreationTimestamp())
              .withDeletionTimestamp(metadata.getDeletionTimestamp())
              .withLabels(metadata.getLabels())
              .withAnnotations(Map.of(CONTENT_DIGEST, digest))
              .build());
    }
  }

  /** The status fields that say whether the workload serves; conditions by type and status. */
  private static Map<String, Object> readiness(Map<?, ?> status) {
    Map<String, Object> kept = new LinkedHashMap<>();
    status.forEach(
        (field, value) -> {
          if (READINESS_FIELDS.contains(field)) {
            kept.put((String) field, value);
          }
        });
    if (status.get("conditions") instanceof List<?> conditions) {
      List<Map<String, Object>> summary = new ArrayList<>();
      for (Object condition : conditions) {
        if (condition instanceof Map<?, ?> each) {
          Map<String, Object> brief = new LinkedHashMap<>();
          brief.put("type", each.get("type"));
          brief.put("status", each.get("status"));
          summary.add(brief);
        }
      }
      kept.put("conditions", summary);
    }
    return kept;
  }
}
