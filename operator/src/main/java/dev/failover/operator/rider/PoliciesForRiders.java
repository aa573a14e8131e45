package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.operator.failoverpolicy.WithoutManagedFields;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.util.List;

/**
 * The rider controllers' store of policies, keeping what a rider reads of them: the metadata, the
 * spec but for the workload's manifests (the rider reference, placement, objectives and application
 * type stay), and of the status only the active data center. Each of the three rider kinds watches
 * every policy; keeping those copies whole held each policy's manifests and status four times over,
 * with the policy controller's own copy.
 */
final class PoliciesForRiders extends TransformingItemStore<FailoverPolicy> {
  PoliciesForRiders() {
    super(PoliciesForRiders::slim);
  }

  static FailoverPolicy slim(FailoverPolicy policy) {
    WithoutManagedFields.strip(policy);
    if (policy.getSpec() != null && policy.getSpec().getWorkload() != null) {
      policy.getSpec().getWorkload().setManifests(List.of());
    }
    if (policy.getStatus() != null) {
      FailoverPolicyStatus kept = new FailoverPolicyStatus();
      kept.setActiveDataCenter(policy.getStatus().getActiveDataCenter());
      policy.setStatus(kept);
    }
    return policy;
  }
}
