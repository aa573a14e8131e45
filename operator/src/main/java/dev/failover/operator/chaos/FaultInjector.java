package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.core.chaos.PlannedFault;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Injects one planned fault into the test copy, and judges whether the copy recovered from it. Acts
 * only on the objects of the copy, in the test namespace: a fault's target is always looked up
 * there, never by a name alone.
 */
final class FaultInjector {
  private FaultInjector() {}

  /**
   * Injects the fault.
   *
   * @return the object hit, as Kind/name
   * @throws IllegalStateException when there is nothing to hit yet (no pod of the workload)
   */
  static String inject(
      KubernetesClient client,
      String namespace,
      PlannedFault fault,
      List<GenericKubernetesResource> copy) {
    GenericKubernetesResource target = target(fault, copy);
    return switch (fault.kind()) {
      case DeletePod -> {
        Pod pod =
            pods(client, namespace, target).stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .min(
                    Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp())
                        .thenComparing(p -> p.getMetadata().getName()))
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no pod of " + shown(target) + " to delete yet in " + namespace));
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
        yield "Pod/" + pod.getMetadata().getName();
      }
      case ScaleToZero -> {
        TestCopyApplier.scaleToZero(client, target);
        yield shown(target);
      }
      case DeleteService, DeleteConfigMap -> {
        client.resource(target).delete();
        yield shown(target);
      }
    };
  }

  /**
   * Whether the copy recovered from the fault: every object back and Available; for a deleted pod,
   * also gone, with as many Ready pods as the workload asks for.
   */
  static boolean recovered(
      KubernetesClient client,
      String namespace,
      FaultRecord record,
      List<GenericKubernetesResource> copy) {
    if (!TestCopyApplier.observe(client, copy).available()) {
      return false;
    }
    if (record.getKind() != FaultKind.DeletePod) {
      return true;
    }
    String deleted = record.getTarget().substring("Pod/".length());
    if (client.pods().inNamespace(namespace).withName(deleted).get() != null) {
      return false;
    }
    return copy.stream()
        .filter(object -> List.of("Deployment", "StatefulSet").contains(object.getKind()))
        .allMatch(workload -> readyPods(client, namespace, workload) >= replicas(workload));
  }

  private static GenericKubernetesResource target(
      PlannedFault fault, List<GenericKubernetesResource> copy) {
    List<String> kinds =
        switch (fault.kind()) {
          case DeletePod, ScaleToZero -> List.of("Deployment", "StatefulSet");
          case DeleteService -> List.of("Service");
          case DeleteConfigMap -> List.of("ConfigMap");
        };
    return copy.stream()
        .filter(object -> kinds.contains(object.getKind()))
        .filter(object -> fault.target().equals(object.getMetadata().getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the test copy has no " + kinds + " named " + fault.target()));
  }

  private static long readyPods(
      KubernetesClient client, String namespace, GenericKubernetesResource workload) {
    return pods(client, namespace, workload).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(FaultInjector::ready)
        .count();
  }

  private static boolean ready(Pod pod) {
    List<PodCondition> conditions =
        pod.getStatus() == null ? List.of() : pod.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The workload's pods: those its selector's matchLabels select in the test namespace. */
  private static List<Pod> pods(
      KubernetesClient client, String namespace, GenericKubernetesResource workload) {
    Map<String, String> selector = matchLabels(workload);
    if (selector.isEmpty()) {
      return List.of();
    }
    return client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> matchLabels(GenericKubernetesResource workload) {
    Object spec = workload.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> specMap
        && specMap.get("selector") instanceof Map<?, ?> selector
        && selector.get("matchLabels") instanceof Map<?, ?> labels) {
      return (Map<String, String>) labels;
    }
    return Map.of();
  }

  private static int replicas(GenericKubernetesResource workload) {
    Object spec = workload.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> specMap && specMap.get("replicas") instanceof Number number) {
      return number.intValue();
    }
    return 1;
  }

  private static String shown(GenericKubernetesResource object) {
    return object.getKind() + "/" + Objects.requireNonNull(object.getMetadata().getName());
  }
}
