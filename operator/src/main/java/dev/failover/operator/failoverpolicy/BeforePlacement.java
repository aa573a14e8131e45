package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Runs right before a policy's workload is applied in a data center: it may add to the objects (the
 * rider's per-user limits), and put in place what must be there first (the rider's grants: a data
 * center that returns gets them, and loses revoked ones, before it serves). A failure stops the
 * placement, which is retried with back-off.
 */
@FunctionalInterface
public interface BeforePlacement {
  BeforePlacement NOTHING = (policy, dataCenter) -> {};

  void prepare(FailoverPolicy policy, KubernetesClient dataCenter);

  /** The objects as they are to be applied; unchanged unless overridden. */
  default List<GenericKubernetesResource> render(
      FailoverPolicy policy, List<GenericKubernetesResource> objects) {
    return objects;
  }
}
