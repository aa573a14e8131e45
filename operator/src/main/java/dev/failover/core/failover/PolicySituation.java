package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of everything the reconciler observed for one policy; the only input of {@link
 * FailoverStateMachine#decide}.
 *
 * @param dataCenters a view per data center; data centers the placement does not list are ignored
 * @param workloads the workload per data center that could be read; absent when it could not
 * @param trafficTarget the data center the policy's DNS record points at now; null when none
 * @param pendingAction the policy's manual action; null when there is none
 * @param heldOut data centers kept out of production until a restore test passes, by name
 * @param failbackWait why an automatic failback that is due may not start yet ({@link
 *     FailbackSlots}); null when it may
 */
public record PolicySituation(
    FailoverProgress progress,
    PolicySettings settings,
    List<DataCenterView> dataCenters,
    Map<String, WorkloadObservation> workloads,
    String trafficTarget,
    ManualAction pendingAction,
    Instant now,
    Map<String, HeldOut> heldOut,
    FailbackWait failbackWait) {

  public PolicySituation {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    dataCenters = List.copyOf(dataCenters);
    workloads = Map.copyOf(workloads);
    heldOut = Map.copyOf(heldOut);
  }

  /**
   * A situation as observed: no data center held out for a restore test ({@link #withHeldOut}), and
   * an automatic failback free to start if due ({@link #withFailbackWait}).
   */
  public PolicySituation(
      FailoverProgress progress,
      PolicySettings settings,
      List<DataCenterView> dataCenters,
      Map<String, WorkloadObservation> workloads,
      String trafficTarget,
      ManualAction pendingAction,
      Instant now) {
    this(
        progress,
        settings,
        dataCenters,
        workloads,
        trafficTarget,
        pendingAction,
        now,
        Map.of(),
        null);
  }

  /** The same situation with these data centers held out for a restore test. */
  public PolicySituation withHeldOut(Map<String, HeldOut> held) {
    return new PolicySituation(
        progress,
        settings,
        dataCenters,
        workloads,
        trafficTarget,
        pendingAction,
        now,
        held,
        failbackWait);
  }

  /** The same situation, where a due automatic failback waits for a slot instead of starting. */
  public PolicySituation withFailbackWait(FailbackWait wait) {
    return new PolicySituation(
        progress,
        settings,
        dataCenters,
        workloads,
        trafficTarget,
        pendingAction,
        now,
        heldOut,
        wait);
  }

  /** Why a due automatic failback may not start yet; empty when it may. */
  public Optional<FailbackWait> awaitingFailbackSlot() {
    return Optional.ofNullable(failbackWait);
  }

  /** Why the data center is kept out of production; empty when it is not. */
  public Optional<HeldOut> heldOut(String dataCenter) {
    return Optional.ofNullable(dataCenter).map(heldOut::get);
  }

  public Optional<DataCenterView> view(String dataCenter) {
    return dataCenters.stream().filter(view -> view.name().equals(dataCenter)).findFirst();
  }

  /** Pending when there is no view: nothing is known about it yet. */
  public DataCenterPhase phaseOf(String dataCenter) {
    return view(dataCenter).map(DataCenterView::phase).orElse(DataCenterPhase.Pending);
  }

  public boolean reachable(String dataCenter) {
    return view(dataCenter).map(DataCenterView::reachable).orElse(false);
  }

  public Optional<WorkloadObservation> workload(String dataCenter) {
    return Optional.ofNullable(dataCenter).map(workloads::get);
  }
}
