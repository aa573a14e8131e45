package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.FenceOldActive;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;

import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The desired workload in every data center of the policy, and where traffic points, derived from
 * the progress after this decision. Repeating it every time makes the reconciler level-triggered:
 * drift is repaired and a half-executed decision is completed. Unreachable data centers get no
 * actions; they could not succeed.
 */
final class WorkloadPlan {

  private enum Role {
    /** Serves traffic, or is being promoted to: full size. */
    Serve,
    /** Was active and must be scaled to zero before it may serve again. */
    Fence,
    /** The old active while traffic moves away from it: keep it as it is. */
    HandOver,
    /** Everything else: the standby mode decides. */
    Standby
  }

  List<FailoverAction> actions(PolicySituation situation, FailoverProgress progress) {
    List<FailoverAction> fences = new ArrayList<>();
    List<FailoverAction> workloads = new ArrayList<>();
    for (String dataCenter : managedDataCenters(situation, progress)) {
      if (!situation.reachable(dataCenter)) {
        continue;
      }
      switch (role(dataCenter, progress)) {
        case Fence -> fences.add(new Fence(dataCenter));
        case Serve -> workloads.add(new EnsureWorkload(dataCenter, ReplicasMode.Full));
        case Standby -> workloads.add(standby(situation, dataCenter));
        case HandOver -> {}
      }
    }
    List<FailoverAction> actions = new ArrayList<>(fences);
    actions.addAll(workloads);
    if (progress.activeDataCenter() != null) {
      actions.add(new PointTrafficAt(progress.activeDataCenter()));
    }
    return actions;
  }

  /** The listed data centers, plus any the policy still has business in. */
  private static Set<String> managedDataCenters(
      PolicySituation situation, FailoverProgress progress) {
    Set<String> dataCenters = new LinkedHashSet<>(situation.settings().placement().ordered());
    addIfPresent(dataCenters, progress.activeDataCenter());
    if (progress.inFlight() != null) {
      addIfPresent(dataCenters, progress.inFlight().from());
      addIfPresent(dataCenters, progress.inFlight().to());
    }
    dataCenters.addAll(progress.awaitingFence());
    return dataCenters;
  }

  private static void addIfPresent(Set<String> dataCenters, String dataCenter) {
    if (dataCenter != null) {
      dataCenters.add(dataCenter);
    }
  }

  private static Role role(String dataCenter, FailoverProgress progress) {
    if (progress.awaitingFence().contains(dataCenter)) {
      return Role.Fence;
    }
    InFlightFailover move = progress.inFlight();
    if (move != null
        && dataCenter.equals(move.from())
        && !dataCenter.equals(progress.activeDataCenter())) {
      return progress.currentStep() == FenceOldActive ? Role.Fence : Role.HandOver;
    }
    if (dataCenter.equals(progress.activeDataCenter())) {
      return Role.Serve;
    }
    if (move != null
        && dataCenter.equals(move.to())
        && (progress.currentStep() == PromoteTarget
            || progress.currentStep() == AwaitTargetAvailable)) {
      return Role.Serve;
    }
    return Role.Standby;
  }

  private static FailoverAction standby(PolicySituation situation, String dataCenter) {
    return switch (situation.settings().standbyMode()) {
      case Hot -> new EnsureWorkload(dataCenter, ReplicasMode.Full);
      case Warm -> new EnsureWorkload(dataCenter, ReplicasMode.ScaledDown);
      case Cold -> new RemoveWorkload(dataCenter);
    };
  }
}
