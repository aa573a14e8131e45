package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.CapacityVerdict;
import dev.failover.core.capacity.Resources;
import dev.failover.core.capacity.SpareCapacityRule;
import dev.failover.core.capacity.WorkloadDemand;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.operator.datacenter.CapacityStatusMapper;
import dev.failover.operator.datacenter.DataCenterCapacityMonitor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, per data center, whether it has spare capacity for this policy's workload: its measured
 * capacity (status.capacity), its reserve (spec.spareCapacityPercent) and what a move there would
 * add, judged by the core's {@link SpareCapacityRule}.
 */
final class SpareCapacityViews {
  private static final Logger log = LoggerFactory.getLogger(SpareCapacityViews.class);
  private static final SpareCapacityRule RULE =
      new SpareCapacityRule(DataCenterCapacityMonitor.MAX_AGE);

  private SpareCapacityViews() {}

  /**
   * @param workloads the workload per data center that could be read
   */
  static List<DataCenterView> judge(
      FailoverPolicy policy,
      List<DataCenterView> views,
      Map<String, WorkloadObservation> workloads,
      Map<String, DataCenter> dataCenters,
      Instant now) {
    Optional<WorkloadDemand> demand = WorkloadDemands.of(policy);
    return views.stream()
        .map(view -> judge(policy, view, demand, workloads, dataCenters.get(view.name()), now))
        .toList();
  }

  private static DataCenterView judge(
      FailoverPolicy policy,
      DataCenterView view,
      Optional<WorkloadDemand> demand,
      Map<String, WorkloadObservation> workloads,
      DataCenter dataCenter,
      Instant now) {
    if (dataCenter == null) {
      return view;
    }
    Optional<CapacitySnapshot> measured =
        Optional.ofNullable(dataCenter.getStatus())
            .flatMap(status -> CapacityStatusMapper.fromStatus(status.getCapacity()));
    // A data center whose workload could not be read is taken to run none of it.
    int running =
        Optional.ofNullable(workloads.get(view.name()))
            .map(WorkloadObservation::replicas)
            .orElse(0);
    Optional<Resources> extra = demand.map(d -> d.extraWith(running));
    CapacityVerdict verdict =
        RULE.judge(measured, CapacityStatusMapper.reservePercent(dataCenter), extra, now);
    if (!verdict.allowed()) {
      log.debug(
          "{}/{}: {} has no spare capacity: {}",
          policy.getMetadata().getNamespace(),
          policy.getMetadata().getName(),
          view.name(),
          verdict.reason());
    }
    return new DataCenterView(
        view.name(),
        view.phase(),
        view.phaseSince(),
        view.p50Latency(),
        verdict.allowed(),
        view.reachable());
  }
}
