package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RecordFailover;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import dev.failover.operator.observability.FailoverMetrics;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out the core's decisions. Every action is idempotent; the first one that fails stops the
 * rest and the caller does not persist the new progress, so the next reconcile decides again.
 */
public final class FailoverActionExecutor {
  private final WorkloadAppliers appliers;
  private final TrafficPublisher traffic;
  private final PolicyEvents events;
  private final FailoverMetrics metrics;
  private final RecentlyApplied recentlyApplied;

  public FailoverActionExecutor(
      WorkloadAppliers appliers,
      TrafficPublisher traffic,
      PolicyEvents events,
      FailoverMetrics metrics,
      Clock clock) {
    this.appliers = appliers;
    this.traffic = traffic;
    this.events = events;
    this.metrics = metrics;
    this.recentlyApplied = new RecentlyApplied(clock);
  }

  /**
   * Runs the actions in order, those that change data centers or DNS before those that report
   * (history records and Events): if a data center fails half-way, nothing has been reported yet,
   * so the retry does not tell the story twice. History records go into {@code status}.
   */
  void run(
      FailoverPolicy policy,
      List<FailoverAction> actions,
      Function<String, DataCenter> dataCenters,
      FailoverPolicyStatus status) {
    for (FailoverAction action : actions) {
      if (!reports(action)) {
        execute(policy, action, dataCenters, status);
      }
    }
    for (FailoverAction action : actions) {
      if (reports(action)) {
        execute(policy, action, dataCenters, status);
      }
    }
  }

  private static boolean reports(FailoverAction action) {
    return action instanceof Emit || action instanceof RecordFailover;
  }

  // Java 17 has no pattern matching for switch; the sealed interface keeps this list complete.
  private void execute(
      FailoverPolicy policy,
      FailoverAction action,
      Function<String, DataCenter> dataCenters,
      FailoverPolicyStatus status) {
    if (action instanceof EnsureWorkload ensure) {
      if (!recentlyApplied.isCurrent(policy, ensure.dataCenter(), ensure.replicas())) {
        applier(ensure.dataCenter()).ensure(policy, ensure.replicas());
        recentlyApplied.applied(policy, ensure.dataCenter(), ensure.replicas());
      }
    } else if (action instanceof RemoveWorkload remove) {
      recentlyApplied.forget(policy, remove.dataCenter());
      applier(remove.dataCenter()).remove(policy);
    } else if (action instanceof Fence fence) {
      recentlyApplied.forget(policy, fence.dataCenter());
      applier(fence.dataCenter()).fence(policy);
    } else if (action instanceof PointTrafficAt point) {
      traffic.publish(policy, dataCenters.apply(point.dataCenter()));
    } else if (action instanceof RecordFailover record) {
      if (PolicyHistory.add(status, record.record())) {
        metrics.completed(
            record.record().reason().name(),
            record.record().from(),
            record.record().to(),
            record.record().measuredRto());
      }
    } else if (action instanceof Emit emit) {
      events.emit(policy, emit.reason().name(), emit.message(), emit.reason().warning());
    } else {
      throw new IllegalStateException("unknown action " + action);
    }
  }

  /** A deleted policy's apply cache goes with it. */
  public void forget(FailoverPolicy policy) {
    recentlyApplied.forget(policy);
  }

  private WorkloadApplier applier(String dataCenter) {
    return appliers.at(dataCenter);
  }
}
