package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Runs in a data center right before a policy's workload is applied there, so that what must be in
 * place first is (the rider's grants: a data center that returns gets them, and loses revoked ones,
 * before it serves). A failure stops the placement, which is retried with back-off.
 */
@FunctionalInterface
public interface BeforePlacement {
  BeforePlacement NOTHING = (policy, dataCenter) -> {};

  void prepare(FailoverPolicy policy, KubernetesClient dataCenter);
}
