package dev.failover.core.sla;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.WorkloadObservation;
import java.util.Optional;

/** Whether an observation of a policy finds its workload served. */
public final class ServiceRule {
  private ServiceRule() {}

  /**
   * Up when the active data center answers, the workload is Available there and the DNS record, if
   * one is published, points at it. Down when there is no active data center, it is Unreachable (a
   * blackout), the workload is not Available there, or traffic points elsewhere (mid-failover).
   * Unknown when the active data center's latest probe failed but no blackout is declared yet, or
   * its workload could not be read: the operator cannot tell, and counts the time conservatively.
   */
  public static ServiceState of(PolicySituation situation) {
    String active = situation.progress().activeDataCenter();
    Optional<DataCenterView> view = Optional.ofNullable(active).flatMap(situation::view);
    if (view.isEmpty() || view.get().phase() == DataCenterPhase.Unreachable) {
      return ServiceState.Down;
    }
    if (!view.get().reachable()) {
      return ServiceState.Unknown;
    }
    Optional<WorkloadObservation> workload = situation.workload(active);
    if (workload.isEmpty()) {
      return ServiceState.Unknown;
    }
    boolean trafficHere =
        situation.trafficTarget() == null || situation.trafficTarget().equals(active);
    return workload.get().available() && trafficHere ? ServiceState.Up : ServiceState.Down;
  }
}
