package dev.failover.operator.failoverpolicy;

import dev.failover.core.workload.TenancyRule;
import dev.failover.operator.clusters.DataCenterConnections;
import java.util.Optional;

/** A {@link WorkloadApplier} for each connected data center, all under one tenancy rule. */
public final class WorkloadAppliers {
  private final DataCenterConnections connections;
  private final TenancyRule tenancy;

  public WorkloadAppliers(DataCenterConnections connections, TenancyRule tenancy) {
    this.connections = connections;
    this.tenancy = tenancy;
  }

  /** Empty while the data center's kubeconfig has not been read. */
  public Optional<WorkloadApplier> in(String dataCenter) {
    return connections.client(dataCenter).map(client -> new WorkloadApplier(client, tenancy));
  }

  /** For an action that must reach the data center: no connection is a failure. */
  public WorkloadApplier at(String dataCenter) {
    return in(dataCenter)
        .orElseThrow(() -> new IllegalStateException("no connection to data center " + dataCenter));
  }
}
