package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.DataCenterView;
import java.util.List;

/**
 * A policy's views of its data centers, and what its endpoint probes saw, for its status.
 *
 * @param views the data centers as this policy sees them, in the order given
 * @param endpoints one entry per data center probed or with a kept verdict
 */
public record PolicyHealthReport(
    List<DataCenterView> views, List<WorkloadEndpointHealth> endpoints) {
  public PolicyHealthReport {
    views = List.copyOf(views);
    endpoints = List.copyOf(endpoints);
  }
}
