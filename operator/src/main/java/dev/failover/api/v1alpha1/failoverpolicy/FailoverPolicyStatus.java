package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ConditionedStatus;
import dev.failover.api.v1alpha1.common.SlaCredit;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the workload runs and what happened to it. The failover in progress lives here, step by
 * step, so that a restarted operator resumes it. Conditions: Ready, RtoFeasible.
 */
public class FailoverPolicyStatus extends ConditionedStatus {
  /** Most records kept in {@link #getHistory()}; older ones are dropped first. */
  public static final int HISTORY_LIMIT = 20;

  @JsonPropertyDescription("Pending, Active, FailingOver, FailingBack or Unavailable.")
  private FailoverPhase phase;

  @JsonPropertyDescription("The data center serving the workload.")
  private String activeDataCenter;

  // Not "nullable": the API server checks an explicit null against the enum and rejects it,
  // whereas without nullable it prunes a null, so writing null clears the step.
  @JsonPropertyDescription(
      "Step of the failover or failback in progress (SelectTarget, PromoteTarget,"
          + " AwaitTargetAvailable, SwitchTraffic, FenceOldActive, Record); absent when none is.")
  private FailoverStep currentStep;

  @JsonPropertyDescription("The failover or failback in progress, if any.")
  private FailoverRecord inFlight;

  @JsonPropertyDescription("The last completed failover or failback, with its measured RTO.")
  private FailoverRecord lastFailover;

  @Size(max = HISTORY_LIMIT)
  @JsonPropertyDescription("Completed failovers and failbacks, newest first; at most 20.")
  private List<FailoverRecord> history = new ArrayList<>();

  @JsonPropertyDescription(
      "The spec.action.id last performed; an action with this id is not repeated.")
  private String lastHandledActionId;

  @Size(max = 19)
  @JsonPropertyDescription(
      "The spec.action ids handled before lastHandledActionId, newest first; none of them is"
          + " repeated either, so re-applying an old action (a GitOps revert) does nothing.")
  private List<String> earlierHandledActionIds = new ArrayList<>();

  @JsonPropertyDescription(
      "Why the workload is in the active data center: InitialPlacement, Blackout, Brownout,"
          + " Exclusion, ManualFailover, AutomaticFailback or ManualFailback. A manual failover"
          + " is never undone by automatic failback.")
  private String activeReason;

  @Size(max = 64)
  @JsonPropertyDescription(
      "Data centers this policy was active in when they became unreachable. Each is scaled to"
          + " zero as soon as it answers again, before it may take the workload back.")
  private List<String> awaitingFence = new ArrayList<>();

  @Size(max = 64)
  @JsonPropertyDescription(
      "The workload's health endpoint (spec.workload.healthEndpoint) per data center, as this"
          + " policy's probes see it; empty when the policy names no endpoint.")
  private List<WorkloadEndpointHealth> workloadEndpoints = new ArrayList<>();

  @Size(max = 100)
  @JsonPropertyDescription(
      "The objects the operator has put into data centers for this policy. One dropped from"
          + " spec.workload.manifests stays listed until it is deleted from every data center in"
          + " the placement; deleting the policy deletes them all.")
  private List<ManagedObject> managedObjects = new ArrayList<>();

  @JsonPropertyDescription(
      "Measured availability and remaining error budget, as of sla.heartbeat (at most 5 minutes"
          + " old).")
  private Availability availability;

  @JsonPropertyDescription(
      "The SLA credit owed for the current period, if the SLA was breached, as of sla.heartbeat.")
  private SlaCredit slaCreditDue;

  @JsonPropertyDescription(
      "The SLA ledger the availability and credits are computed from: downtime intervals, closed"
          + " months and the SLA at risk (see docs/sla.md).")
  private SlaLedgerStatus sla;

  @JsonPropertyDescription(
      "The address the policy's DNSEndpoint points at: the active data center's ingressAddress.")
  private String dnsTarget;

  @JsonPropertyDescription("Whether disaster-recovery mode is on.")
  private Boolean disasterRecoveryActive;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Data centers kept out of production until a ChaosRestoreTest passes there"
          + " (failback.requireRestoreTest): each blacked out while the policy was active in it.")
  private List<RestoreGate> restoreGates = new ArrayList<>();

  public List<RestoreGate> getRestoreGates() {
    return restoreGates;
  }

  public void setRestoreGates(List<RestoreGate> restoreGates) {
    this.restoreGates = restoreGates;
  }

  @JsonPropertyDescription(
      "Disaster-recovery mode: since when, why, the trigger's last poll and what the mode changed"
          + " (see docs/disaster-recovery.md).")
  private DisasterRecoveryStatus disasterRecovery;

  public DisasterRecoveryStatus getDisasterRecovery() {
    return disasterRecovery;
  }

  public void setDisasterRecovery(DisasterRecoveryStatus disasterRecovery) {
    this.disasterRecovery = disasterRecovery;
  }

  @JsonPropertyDescription(
      "The backups of the managed state, where the rider's failover plan provides a backup"
          + " service (see docs/backups.md).")
  private BackupStatus backups;

  public BackupStatus getBackups() {
    return backups;
  }

  public void setBackups(BackupStatus backups) {
    this.backups = backups;
  }

  public String getActiveReason() {
    return activeReason;
  }

  public void setActiveReason(String activeReason) {
    this.activeReason = activeReason;
  }

  public List<String> getAwaitingFence() {
    return awaitingFence;
  }

  public void setAwaitingFence(List<String> awaitingFence) {
    this.awaitingFence = awaitingFence;
  }

  public FailoverPhase getPhase() {
    return phase;
  }

  public void setPhase(FailoverPhase phase) {
    this.phase = phase;
  }

  public String getActiveDataCenter() {
    return activeDataCenter;
  }

  public void setActiveDataCenter(String activeDataCenter) {
    this.activeDataCenter = activeDataCenter;
  }

  public FailoverStep getCurrentStep() {
    return currentStep;
  }

  public void setCurrentStep(FailoverStep currentStep) {
    this.currentStep = currentStep;
  }

  public FailoverRecord getInFlight() {
    return inFlight;
  }

  public void setInFlight(FailoverRecord inFlight) {
    this.inFlight = inFlight;
  }

  public FailoverRecord getLastFailover() {
    return lastFailover;
  }

  public void setLastFailover(FailoverRecord lastFailover) {
    this.lastFailover = lastFailover;
  }

  public List<FailoverRecord> getHistory() {
    return history;
  }

  public void setHistory(List<FailoverRecord> history) {
    this.history = history;
  }

  public String getLastHandledActionId() {
    return lastHandledActionId;
  }

  public void setLastHandledActionId(String lastHandledActionId) {
    this.lastHandledActionId = lastHandledActionId;
  }

  public Availability getAvailability() {
    return availability;
  }

  public void setAvailability(Availability availability) {
    this.availability = availability;
  }

  public SlaCredit getSlaCreditDue() {
    return slaCreditDue;
  }

  public void setSlaCreditDue(SlaCredit slaCreditDue) {
    this.slaCreditDue = slaCreditDue;
  }

  public SlaLedgerStatus getSla() {
    return sla;
  }

  public void setSla(SlaLedgerStatus sla) {
    this.sla = sla;
  }

  public String getDnsTarget() {
    return dnsTarget;
  }

  public void setDnsTarget(String dnsTarget) {
    this.dnsTarget = dnsTarget;
  }

  public Boolean getDisasterRecoveryActive() {
    return disasterRecoveryActive;
  }

  public void setDisasterRecoveryActive(Boolean disasterRecoveryActive) {
    this.disasterRecoveryActive = disasterRecoveryActive;
  }

  public List<WorkloadEndpointHealth> getWorkloadEndpoints() {
    return workloadEndpoints;
  }

  public void setWorkloadEndpoints(List<WorkloadEndpointHealth> workloadEndpoints) {
    this.workloadEndpoints = workloadEndpoints;
  }

  public List<String> getEarlierHandledActionIds() {
    return earlierHandledActionIds;
  }

  public void setEarlierHandledActionIds(List<String> earlierHandledActionIds) {
    this.earlierHandledActionIds = earlierHandledActionIds;
  }

  public List<ManagedObject> getManagedObjects() {
    return managedObjects;
  }

  public void setManagedObjects(List<ManagedObject> managedObjects) {
    this.managedObjects = managedObjects;
  }
}
