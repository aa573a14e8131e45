package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.workload.ClusterScopedKinds;
import dev.failover.core.workload.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects that make up a policy's workload in a data center, built from the manifests embedded
 * in the policy. Pure: the policy is never modified.
 *
 * <p>Each object goes into the policy's namespace (a cluster-scoped kind the platform team allows
 * loses it at apply time), and carries the {@link PolicyLabels}. Deployments and StatefulSets get
 * the manifest's replicas (Kubernetes' default of 1 when it has none) at {@link ReplicasMode#Full}
 * and 0 at {@link ReplicasMode#ScaledDown}. In disaster-recovery mode those that are not critical
 * applications get 0 at either ({@link CriticalOnlyPosture}).
 */
public final class WorkloadManifests {
  private static final Set<String> SCALABLE_KINDS = Set.of("Deployment", "StatefulSet");
  private static final String APPS_GROUP = "apps/";
  private static final int KUBERNETES_DEFAULT_REPLICAS = 1;
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private WorkloadManifests() {}

  /** The objects to apply for the mode, in the order of the manifests. */
  public static List<GenericKubernetesResource> desired(FailoverPolicy policy, ReplicasMode mode) {
    String namespace = policy.getMetadata().getNamespace();
    Map<String, String> labels = PolicyLabels.of(policy);
    Set<String> held = CriticalOnlyPosture.heldAtZero(policy);
    return policy.getSpec().getWorkload().getManifests().stream()
        .map(manifest -> object(manifest, namespace, labels, mode, held))
        .toList();
  }

  /**
   * Where each object of the workload lives, in the order of the manifests: its apiVersion, kind,
   * namespace and name, and nothing else. What a read, a scale or a delete needs, without copying
   * every manifest as {@link #desired} does.
   */
  public static List<GenericKubernetesResource> identities(FailoverPolicy policy) {
    String namespace = policy.getMetadata().getNamespace();
    return policy.getSpec().getWorkload().getManifests().stream()
        .map(
            manifest -> {
              GenericKubernetesResource identity = new GenericKubernetesResource();
              identity.setApiVersion(manifest.getApiVersion());
              identity.setKind(manifest.getKind());
              identity.setMetadata(
                  new ObjectMetaBuilder()
                      .withName(manifest.getMetadata().getName())
                      .withNamespace(namespaceOf(manifest, namespace))
                      .build());
              return identity;
            })
        .toList();
  }

  /** Deployments and StatefulSets: the objects that have replicas, so scaling is about them. */
  public static boolean isScalable(HasMetadata object) {
    return object.getApiVersion() != null
        && object.getApiVersion().startsWith(APPS_GROUP)
        && SCALABLE_KINDS.contains(object.getKind());
  }

  private static GenericKubernetesResource object(
      GenericKubernetesResource manifest,
      String policyNamespace,
      Map<String, String> policyLabels,
      ReplicasMode mode,
      Set<String> heldAtZero) {
    GenericKubernetesResource object = SERIALIZATION.clone(manifest);
    ObjectMeta metadata = object.getMetadata();
    // Always the policy's namespace: WorkloadGate refuses a manifest that names another one,
    // and nothing built here can reach outside even if that check were bypassed. A built-in
    // cluster-scoped kind (only ever applied when the platform team allows it) has none.
    metadata.setNamespace(namespaceOf(object, policyNamespace));
    Map<String, String> labels = new LinkedHashMap<>();
    if (metadata.getLabels() != null) {
      labels.putAll(metadata.getLabels());
    }
    labels.putAll(policyLabels);
    metadata.setLabels(labels);
    // Copied from a live object, these would make the apply fail (managedFields), or conflict
    // with the data center's own copy (uid, resourceVersion).
    metadata.setManagedFields(null);
    metadata.setUid(null);
    metadata.setResourceVersion(null);
    if (isScalable(object)) {
      Map<String, Object> spec = spec(object);
      boolean full = mode == ReplicasMode.Full && !heldAtZero.contains(metadata.getName());
      spec.put("replicas", full ? replicas(object, spec) : 0);
    }
    return object;
  }

  /** The policy's namespace, or none for a built-in cluster-scoped kind. */
  private static String namespaceOf(GenericKubernetesResource manifest, String policyNamespace) {
    return ClusterScopedKinds.isBuiltIn(GroupKind.of(manifest.getApiVersion(), manifest.getKind()))
        ? null
        : policyNamespace;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    Object spec = object.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new HashMap<>();
    object.getAdditionalProperties().put("spec", created);
    return created;
  }

  private static int replicas(GenericKubernetesResource manifest, Map<String, Object> spec) {
    Object replicas = spec.get("replicas");
    if (replicas == null) {
      return KUBERNETES_DEFAULT_REPLICAS;
    }
    if (replicas instanceof Number number) {
      return number.intValue();
    }
    throw new IllegalArgumentException(
        manifest.getKind()
            + " "
            + manifest.getMetadata().getName()
            + ": spec.replicas must be a number, not '"
            + replicas
            + "'");
  }
}
