package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.workload.DeclaredObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A policy's embedded manifests as the core's {@link DeclaredObject}s. Pure. */
final class WorkloadDeclarations {
  private WorkloadDeclarations() {}

  static List<DeclaredObject> of(FailoverPolicy policy) {
    List<DeclaredObject> objects = new ArrayList<>();
    if (policy.getSpec() == null
        || policy.getSpec().getWorkload() == null
        || policy.getSpec().getWorkload().getManifests() == null) {
      return objects;
    }
    List<GenericKubernetesResource> manifests = policy.getSpec().getWorkload().getManifests();
    for (int position = 0; position < manifests.size(); position++) {
      objects.add(declared(position, manifests.get(position)));
    }
    return objects;
  }

  static DeclaredObject declared(int position, GenericKubernetesResource manifest) {
    if (manifest == null) {
      return new DeclaredObject(position, null, null, null, null, null, false);
    }
    var metadata = manifest.getMetadata();
    Object spec = manifest.getAdditionalProperties().get("spec");
    Map<?, ?> specMap = spec instanceof Map<?, ?> map ? map : Map.of();
    return new DeclaredObject(
        position,
        manifest.getApiVersion(),
        manifest.getKind(),
        metadata == null ? null : metadata.getNamespace(),
        metadata == null ? null : metadata.getName(),
        specMap.get("replicas"),
        specMap.get("selector") != null);
  }
}
