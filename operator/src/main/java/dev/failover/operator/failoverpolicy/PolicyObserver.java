package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.pool.PoolRetry;
import dev.failover.operator.policyhealth.PolicyHealth;
import dev.failover.operator.policyhealth.PolicyHealthReport;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what the failover core needs about one policy: its data centers' health, its workload in
 * every data center that answers, and where its DNS record points.
 */
public final class PolicyObserver {
  private static final Logger log = LoggerFactory.getLogger(PolicyObserver.class);

  private final WorkloadAppliers appliers;
  private final TrafficPublisher traffic;
  private final PolicyHealth policyHealth;
  private final Clock clock;

  public PolicyObserver(
      WorkloadAppliers appliers, TrafficPublisher traffic, PolicyHealth policyHealth, Clock clock) {
    this.appliers = appliers;
    this.traffic = traffic;
    this.policyHealth = policyHealth;
    this.clock = clock;
  }

  /**
   * @param poolRetry the timeout and retries of the service pool the workload is, which govern the
   *     probes of its health endpoint
   */
  PolicyObservation observe(
      FailoverPolicy policy,
      FailoverProgress progress,
      Map<String, DataCenter> dataCenters,
      java.util.Optional<PoolRetry> poolRetry) {
    Instant now = clock.instant();
    List<DataCenterView> own =
        dataCenters.values().stream()
            .map(dataCenter -> DataCenterViews.view(dataCenter, now))
            .toList();
    Map<String, WorkloadObservation> workloads = new HashMap<>();
    for (DataCenterView view : own) {
      if (view.reachable()) {
        observeWorkload(policy, dataCenters.get(view.name()))
            .ifPresent(found -> workloads.put(view.name(), found));
      }
    }
    PolicySettings settings = PolicySettingsMapper.settings(policy.getSpec());
    ManualAction action = PolicySettingsMapper.action(policy.getSpec());
    PolicyHealthReport health =
        policyHealth.observe(
            policy,
            settings,
            progress,
            PolicyProgressMapper.read(policy.getStatus()),
            action,
            dataCenters,
            own,
            workloads,
            poolRetry);
    // A primary that has been Healthy for less than the stabilization window counts as still on
    // Probation, so failback waits the window out.
    List<DataCenterView> views =
        StabilizationWindow.apply(
            policy.getSpec(), progress.activeDataCenter(), health.views(), now);
    views = SpareCapacityViews.judge(policy, views, workloads, dataCenters, now);
    PolicySituation situation =
        new PolicySituation(
            progress,
            settings,
            views,
            workloads,
            traffic.currentTarget(policy).orElse(null),
            action,
            now);
    return new PolicyObservation(situation, health.endpoints());
  }

  /** Absent when the data center cannot be read right now; the core treats that as unknown. */
  private java.util.Optional<WorkloadObservation> observeWorkload(
      FailoverPolicy policy, DataCenter dataCenter) {
    return appliers
        .in(dataCenter)
        .flatMap(
            applier -> {
              try {
                // Bounded like every member-cluster call of a move: a hung data center costs
                // seconds.
                return java.util.Optional.of(applier.observe(policy));
              } catch (KubernetesClientException e) {
                log.debug(
                    "cannot read the workload of {} in {}",
                    policy.getMetadata().getName(),
                    dataCenter.getMetadata().getName(),
                    e);
                return java.util.Optional.empty();
              }
            });
  }
}
