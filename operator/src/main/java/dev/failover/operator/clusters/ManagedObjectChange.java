package dev.failover.operator.clusters;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the operator's objects in a data center was deleted, or its spec (generation) or labels
 * changed, so whatever the operator remembers having applied there may no longer hold. Status-only
 * changes are not told. The labels are the object's as they were: they name the policy it is for.
 */
public record ManagedObjectChange(String dataCenter, Map<String, String> labels) {
  static Optional<ManagedObjectChange> updated(
      String dataCenter, GenericKubernetesResource before, GenericKubernetesResource after) {
    ObjectMeta was = before.getMetadata();
    ObjectMeta is = after.getMetadata();
    boolean changed =
        !Objects.equals(was.getGeneration(), is.getGeneration())
            || !Objects.equals(was.getLabels(), is.getLabels())
            || (was.getDeletionTimestamp() == null && is.getDeletionTimestamp() != null);
    return changed ? deleted(dataCenter, before) : Optional.empty();
  }

  static Optional<ManagedObjectChange> deleted(
      String dataCenter, GenericKubernetesResource object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null
        ? Optional.empty()
        : Optional.of(new ManagedObjectChange(dataCenter, Map.copyOf(labels)));
  }
}
