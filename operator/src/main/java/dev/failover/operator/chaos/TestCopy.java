package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.chaos.FaultTargets;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.WorkloadManifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy's workload as the copy a restore test runs in its test namespace. Pure.
 *
 * <p>Only namespaced kinds that serve no traffic from outside are copied (Deployments,
 * StatefulSets, Services as ClusterIP, ConfigMaps, ServiceAccounts, PodDisruptionBudgets): a
 * cluster-scoped object would be production's own, and an Ingress or a LoadBalancer would take
 * production's hostnames and addresses. The policy's labels are replaced by the test's, so nothing
 * of the operator's production machinery (observation, fencing, cleanup, traffic) ever counts the
 * copy as the policy's workload.
 */
public final class TestCopy {
  private static final Set<String> COPIED =
      Set.of(
          "apps/v1/Deployment",
          "apps/v1/StatefulSet",
          "v1/Service",
          "v1/ConfigMap",
          "v1/ServiceAccount",
          "policy/v1/PodDisruptionBudget");

  private static final Set<String> ADDRESS_FIELDS =
      Set.of(
          "clusterIP",
          "clusterIPs",
          "externalIPs",
          "loadBalancerIP",
          "loadBalancerSourceRanges",
          "externalName",
          "externalTrafficPolicy",
          "healthCheckNodePort",
          "loadBalancerClass",
          "allocateLoadBalancerNodePorts");

  private TestCopy() {}

  /** The copy's objects, in the order of the manifests. */
  public static List<GenericKubernetesResource> of(
      FailoverPolicy policy,
      String testNamespace,
      Map<String, String> testLabels,
      ReplicasMode mode) {
    List<GenericKubernetesResource> copy = new ArrayList<>();
    for (GenericKubernetesResource object : WorkloadManifests.desired(policy, mode)) {
      if (!COPIED.contains(object.getApiVersion() + "/" + object.getKind())) {
        continue;
      }
      object.getMetadata().setNamespace(testNamespace);
      Map<String, String> labels = new LinkedHashMap<>(object.getMetadata().getLabels());
      labels.keySet().removeAll(PolicyLabels.of(policy).keySet());
      labels.putAll(testLabels);
      object.getMetadata().setLabels(labels);
      object.getMetadata().setOwnerReferences(null);
      object.getMetadata().setFinalizers(null);
      if ("Service".equals(object.getKind())) {
        clusterIpOnly(object);
      }
      copy.add(object);
    }
    return copy;
  }

  /** What the faults can act on: the copy's workloads, Services and ConfigMaps. */
  public static FaultTargets targets(List<GenericKubernetesResource> copy) {
    return new FaultTargets(
        names(copy, Set.of("Deployment", "StatefulSet")),
        names(copy, Set.of("Service")),
        names(copy, Set.of("ConfigMap")));
  }

  private static List<String> names(List<GenericKubernetesResource> copy, Set<String> kinds) {
    return copy.stream()
        .filter(object -> kinds.contains(object.getKind()))
        .map(object -> object.getMetadata().getName())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static void clusterIpOnly(GenericKubernetesResource service) {
    Object spec = service.getAdditionalProperties().get("spec");
    if (!(spec instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> fields = (Map<String, Object>) spec;
    fields.keySet().removeAll(ADDRESS_FIELDS);
    fields.put("type", "ClusterIP");
    if (fields.get("ports") instanceof List<?> ports) {
      for (Object port : ports) {
        if (port instanceof Map<?, ?> map) {
          ((Map<String, Object>) map).remove("nodePort");
        }
      }
    }
  }
}
