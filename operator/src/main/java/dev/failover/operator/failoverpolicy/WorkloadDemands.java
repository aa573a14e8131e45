package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.capacity.WorkloadDemand;
import dev.failover.core.failover.ReplicasMode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;

/**
 * What a policy's workload asks for at full size, read from its manifests: the Deployments and
 * StatefulSets, at the replicas the operator applies them with. Other kinds ask for nothing the
 * operator scales.
 */
final class WorkloadDemands {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private WorkloadDemands() {}

  /** Empty when the manifests' replicas or requests cannot be read. */
  static Optional<WorkloadDemand> of(FailoverPolicy policy) {
    try {
      WorkloadDemand demand = WorkloadDemand.NONE;
      for (GenericKubernetesResource object :
          WorkloadManifests.desired(policy, ReplicasMode.Full)) {
        if (WorkloadManifests.isScalable(object)) {
          demand = add(demand, object);
        }
      }
      return Optional.of(demand);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static WorkloadDemand add(WorkloadDemand demand, GenericKubernetesResource object) {
    Integer replicas;
    PodTemplateSpec template;
    if ("Deployment".equals(object.getKind())) {
      Deployment deployment = SERIALIZATION.convertValue(object, Deployment.class);
      replicas = deployment.getSpec().getReplicas();
      template = deployment.getSpec().getTemplate();
    } else {
      StatefulSet statefulSet = SERIALIZATION.convertValue(object, StatefulSet.class);
      replicas = statefulSet.getSpec().getReplicas();
      template = statefulSet.getSpec().getTemplate();
    }
    if (replicas == null || template == null || template.getSpec() == null) {
      return demand;
    }
    return demand.plus(replicas, template.getSpec());
  }
}
