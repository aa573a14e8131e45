package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.ManagedObject;
import dev.failover.core.workload.ClusterScopedKinds;
import dev.failover.core.workload.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The objects of status.managedObjects: what a policy declares now, and what it still owns. */
public final class ManagedObjects {
  private ManagedObjects() {}

  /** The objects the policy's manifests declare now, in order. */
  public static List<ManagedObject> declared(FailoverPolicy policy) {
    return WorkloadDeclarations.of(policy).stream()
        .filter(object -> object.name() != null && object.kind() != null)
        .map(object -> new ManagedObject(object.apiVersion(), object.kind(), object.name()))
        .distinct()
        .toList();
  }

  /** Those once managed that the manifests no longer declare. */
  static List<ManagedObject> dropped(FailoverPolicy policy, List<ManagedObject> managed) {
    List<ManagedObject> declared = declared(policy);
    return managed == null
        ? List.of()
        : managed.stream().filter(object -> !declared.contains(object)).toList();
  }

  /** What is declared now, then what was dropped and is not deleted everywhere yet. */
  static List<ManagedObject> union(List<ManagedObject> declared, List<ManagedObject> leftOver) {
    Set<ManagedObject> all = new LinkedHashSet<>(declared);
    all.addAll(leftOver);
    return new ArrayList<>(all);
  }

  /** The object as a data center holds it, enough to find and delete it. */
  public static GenericKubernetesResource object(FailoverPolicy policy, ManagedObject managed) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(managed.getApiVersion())
        .withKind(managed.getKind())
        .withNewMetadata()
        .withName(managed.getName())
        .withNamespace(
            ClusterScopedKinds.isBuiltIn(GroupKind.of(managed.getApiVersion(), managed.getKind()))
                ? null
                : policy.getMetadata().getNamespace())
        .endMetadata()
        .build();
  }
}
