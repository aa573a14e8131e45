package dev.failover.operator.failoverpolicy;

import dev.failover.core.failover.WorkloadObservation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a policy's workload from what a data center holds of it. Pure.
 *
 * <p>Applied: every object is there and none is being deleted (a terminating object is on its way
 * out, so counting it would let the workload vanish while reported present). Replicas: the sum of
 * the Deployments' and StatefulSets' spec.replicas. Available: at least one of those, and each one
 * asks for replicas, has observed its latest spec and has them all serving.
 */
public final class WorkloadReadiness {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private WorkloadReadiness() {}

  /**
   * @param found for each object of the workload, the data center's copy, or empty when it has none
   */
  public static WorkloadObservation observe(List<Optional<GenericKubernetesResource>> found) {
    return observe(found, Set.of());
  }

  /**
   * As {@link #observe(List)}, in disaster-recovery mode: the objects held at zero (not critical
   * applications) are not asked to be available. With every one held, the workload is available
   * once applied: nothing of it is meant to run.
   */
  public static WorkloadObservation observe(
      List<Optional<GenericKubernetesResource>> found, Set<String> heldAtZero) {
    List<GenericKubernetesResource> present =
        found.stream().flatMap(Optional::stream).filter(o -> !terminating(o)).toList();
    boolean applied = !found.isEmpty() && present.size() == found.size();
    List<GenericKubernetesResource> scalable =
        present.stream().filter(WorkloadManifests::isScalable).toList();
    int replicas = scalable.stream().mapToInt(WorkloadReadiness::replicas).sum();
    List<GenericKubernetesResource> meantToRun =
        scalable.stream().filter(o -> !heldAtZero.contains(o.getMetadata().getName())).toList();
    boolean available =
        applied
            && !scalable.isEmpty()
            && meantToRun.stream().allMatch(WorkloadReadiness::available);
    return new WorkloadObservation(applied, replicas, available);
  }

  private static boolean terminating(HasMetadata object) {
    return object.getMetadata().getDeletionTimestamp() != null;
  }

  private static int replicas(GenericKubernetesResource object) {
    return "Deployment".equals(object.getKind())
        ? replicas(deployment(object).getSpec().getReplicas())
        : replicas(statefulSet(object).getSpec().getReplicas());
  }

  private static boolean available(GenericKubernetesResource object) {
    return "Deployment".equals(object.getKind())
        ? available(deployment(object))
        : available(statefulSet(object));
  }

  static boolean available(Deployment deployment) {
    int wanted = replicas(deployment.getSpec().getReplicas());
    var status = deployment.getStatus();
    return wanted > 0
        && status != null
        && observedLatest(deployment, status.getObservedGeneration())
        && isTrue(status.getConditions(), "Available")
        && count(status.getAvailableReplicas()) >= wanted;
  }

  static boolean available(StatefulSet statefulSet) {
    int wanted = replicas(statefulSet.getSpec().getReplicas());
    var status = statefulSet.getStatus();
    return wanted > 0
        && status != null
        && observedLatest(statefulSet, status.getObservedGeneration())
        && count(status.getReadyReplicas()) >= wanted;
  }

  /** Status describes the current spec only once the controller has seen its generation. */
  private static boolean observedLatest(HasMetadata object, Long observedGeneration) {
    Long generation = object.getMetadata().getGeneration();
    return observedGeneration != null && (generation == null || observedGeneration >= generation);
  }

  private static boolean isTrue(List<DeploymentCondition> conditions, String type) {
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The API server defaults spec.replicas to 1; status counts are omitted when zero. */
  private static int replicas(Integer specReplicas) {
    return Objects.requireNonNullElse(specReplicas, 1);
  }

  private static int count(Integer statusCount) {
    return Objects.requireNonNullElse(statusCount, 0);
  }

  private static Deployment deployment(GenericKubernetesResource object) {
    return SERIALIZATION.convertValue(object, Deployment.class);
  }

  private static StatefulSet statefulSet(GenericKubernetesResource object) {
    return SERIALIZATION.convertValue(object, StatefulSet.class);
  }
}
