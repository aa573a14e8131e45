package dev.failover.operator.clusters;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the operator's objects in a data center changed in a way the policy it is for must look
 * at. Either it was <em>edited</em>: deleted, or its spec (generation), content or labels changed,
 * so whatever the operator remembers having applied there may no longer hold; or only whether it
 * serves changed (a Deployment's or StatefulSet's readiness), which the policy's SLA and failover
 * decisions read. Other status updates are not told. The labels are the object's as they were: they
 * name the policy it is for.
 */
public record ManagedObjectChange(String dataCenter, Map<String, String> labels, boolean edited) {
  /** Both copies as {@link TrimmedCopies} keeps them. */
  static Optional<ManagedObjectChange> updated(
      String dataCenter, GenericKubernetesResource before, GenericKubernetesResource after) {
    ObjectMeta was = before.getMetadata();
    ObjectMeta is = after.getMetadata();
    boolean edited =
        !Objects.equals(was.getGeneration(), is.getGeneration())
            || !Objects.equals(was.getLabels(), is.getLabels())
            || !Objects.equals(was.getAnnotations(), is.getAnnotations())
            || (was.getDeletionTimestamp() == null && is.getDeletionTimestamp() != null);
    boolean readiness =
        !Objects.equals(
            before.getAdditionalProperties().get("status"),
            after.getAdditionalProperties().get("status"));
    return edited || readiness ? told(dataCenter, before, edited) : Optional.empty();
  }

  static Optional<ManagedObjectChange> deleted(
      String dataCenter, GenericKubernetesResource object) {
    return told(dataCenter, object, true);
  }

  private static Optional<ManagedObjectChange> told(
      String dataCenter, GenericKubernetesResource object, boolean edited) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null
        ? Optional.empty()
        : Optional.of(new ManagedObjectChange(dataCenter, Map.copyOf(labels), edited));
  }
}
