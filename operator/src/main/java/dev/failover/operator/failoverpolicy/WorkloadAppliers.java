package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.core.workload.TenancyRule;
import dev.failover.operator.clusters.DataCenterConnections;
import java.util.Optional;

/** A {@link WorkloadApplier} for each connected data center, all under one tenancy rule. */
public final class WorkloadAppliers {
  private final DataCenterConnections connections;
  private final TenancyRule tenancy;
  private final BeforePlacement beforePlacement;

  public WorkloadAppliers(DataCenterConnections connections, TenancyRule tenancy) {
    this(connections, tenancy, BeforePlacement.NOTHING);
  }

  public WorkloadAppliers(
      DataCenterConnections connections, TenancyRule tenancy, BeforePlacement beforePlacement) {
    this.connections = connections;
    this.tenancy = tenancy;
    this.beforePlacement = beforePlacement;
  }

  /**
   * Empty while the data center's kubeconfig has not been read. Its calls are bounded by the data
   * center's probe settings ({@link BoundedCalls}), so a hung data center costs seconds.
   */
  public Optional<WorkloadApplier> in(DataCenter dataCenter) {
    return connections
        .client(dataCenter.getMetadata().getName())
        .map(
            client ->
                new WorkloadApplier(
                    BoundedCalls.to(client, dataCenter),
                    tenancy,
                    beforePlacement,
                    connections.cache(dataCenter.getMetadata().getName())));
  }

  /** For an action that must reach the data center: no DataCenter or connection is a failure. */
  public WorkloadApplier at(DataCenter dataCenter) {
    if (dataCenter == null) {
      throw new IllegalStateException("no DataCenter for a data center of the placement");
    }
    return in(dataCenter)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no connection to data center " + dataCenter.getMetadata().getName()));
  }
}
