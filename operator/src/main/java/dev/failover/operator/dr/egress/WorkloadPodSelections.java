package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.failoverpolicy.WorkloadManifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pods a policy's egress posture applies to: those of its own workload objects, never the
 * whole namespace, which other policies may share. Pure.
 *
 * <p>Each object that runs pods is selected the way its own controller selects them: by its {@code
 * spec.selector} (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs that set one), else by
 * its pod template's labels (Jobs, CronJobs), else, for a bare Pod, by its labels. The pod template
 * is never changed: adding a label there would restart every pod on entering disaster-recovery
 * mode. Two objects whose selectors overlap already fight over pods in Kubernetes; that is the only
 * way another policy's pods could be selected.
 */
final class WorkloadPodSelections {
  private WorkloadPodSelections() {}

  static List<PodSelection> of(FailoverPolicy policy) {
    List<PodSelection> selections = new ArrayList<>();
    for (GenericKubernetesResource object : WorkloadManifests.desired(policy, ReplicasMode.Full)) {
      if (object.getKind() == null || object.getMetadata().getName() == null) {
        continue;
      }
      selector(object)
          .ifPresent(
              selector ->
                  selections.add(
                      new PodSelection(
                          object.getKind(), object.getMetadata().getName(), selector)));
    }
    return selections;
  }

  private static Optional<Map<String, Object>> selector(GenericKubernetesResource object) {
    Map<String, Object> spec = map(object.getAdditionalProperties().get("spec"));
    if ("v1".equals(object.getApiVersion()) && "Pod".equals(object.getKind())) {
      return matchLabels(object.getMetadata().getLabels());
    }
    Map<String, Object> declared = map(spec.get("selector"));
    if (declared.containsKey("matchLabels") || declared.containsKey("matchExpressions")) {
      Map<String, Object> selector = new LinkedHashMap<>();
      if (declared.get("matchLabels") != null) {
        selector.put("matchLabels", declared.get("matchLabels"));
      }
      if (declared.get("matchExpressions") != null) {
        selector.put("matchExpressions", declared.get("matchExpressions"));
      }
      return selector.isEmpty() ? Optional.empty() : Optional.of(selector);
    }
    Map<String, Object> template = map(spec.get("template"));
    if (template.isEmpty()) {
      template = map(map(map(spec.get("jobTemplate")).get("spec")).get("template"));
    }
    return matchLabels(map(map(template.get("metadata")).get("labels")));
  }

  private static Optional<Map<String, Object>> matchLabels(Map<String, ?> labels) {
    if (labels == null || labels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Map.of("matchLabels", new LinkedHashMap<>(labels)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
