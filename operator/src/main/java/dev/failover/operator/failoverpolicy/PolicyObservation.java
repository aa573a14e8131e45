package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.PolicySituation;
import java.util.List;

/**
 * What one look at a policy's world found: the core's input, and the workload endpoint health for
 * the status.
 */
record PolicyObservation(PolicySituation situation, List<WorkloadEndpointHealth> endpoints) {
  PolicyObservation {
    endpoints = List.copyOf(endpoints);
  }
}
