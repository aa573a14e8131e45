package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.LocalObjectRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A workload's failover policy. */
@ValidationRule(
    value =
        "!has(self.disasterRecovery) || (has(self.workload.criticalApplications) &&"
            + " size(self.workload.criticalApplications) > 0)",
    fieldPath = ".workload.criticalApplications",
    message =
        "workload.criticalApplications must name at least one manifest when disasterRecovery is"
            + " set")
@ValidationRule(
    value =
        "!has(self.action) || !has(self.action.target) || self.action.target =="
            + " self.placement.primary || self.action.target in self.placement.secondaries",
    fieldPath = ".action.target",
    message = "action.target must be placement.primary or one of placement.secondaries")
public class FailoverPolicySpec {
  @Required
  @JsonPropertyDescription("The rider (SaasRider, PaasRider or IaasRider) the workload runs under.")
  private RiderRef riderRef;

  @Required
  @JsonPropertyDescription("The manifests to run and how to check their health.")
  private Workload workload;

  @Required
  @JsonPropertyDescription("The data centers the workload may run in.")
  private Placement placement;

  @JsonPropertyDescription(
      "The DNS record that follows the active data center; published even when absent, under a"
          + " default name.")
  private Traffic traffic;

  @Default("Hot")
  @JsonPropertyDescription(
      "How the workload is kept in non-active data centers: Hot (running), Warm (scaled to zero)"
          + " or Cold (absent).")
  private StandbyMode standby;

  @Default("{}")
  @JsonPropertyDescription("Availability target, SLA and RTO.")
  private Objectives objectives;

  @JsonPropertyDescription("Overrides of the data centers' detection thresholds for this policy.")
  private Detection detection;

  @Default("{}")
  @JsonPropertyDescription("When the workload returns to placement.primary.")
  private Failback failback;

  @JsonPropertyDescription("A manual failover or failback, performed once per action.id.")
  private ManualAction action;

  @Size(max = 10)
  @JsonPropertyDescription(
      "NotificationChannels, in this namespace, that customers are told through.")
  private List<LocalObjectRef> notificationChannelRefs;

  @JsonPropertyDescription("Disaster-recovery mode: trigger, egress posture and allowlist.")
  private DisasterRecovery disasterRecovery;

  public RiderRef getRiderRef() {
    return riderRef;
  }

  public void setRiderRef(RiderRef riderRef) {
    this.riderRef = riderRef;
  }

  public Workload getWorkload() {
    return workload;
  }

  public void setWorkload(Workload workload) {
    this.workload = workload;
  }

  public Placement getPlacement() {
    return placement;
  }

  public void setPlacement(Placement placement) {
    this.placement = placement;
  }

  public Traffic getTraffic() {
    return traffic;
  }

  public void setTraffic(Traffic traffic) {
    this.traffic = traffic;
  }

  public StandbyMode getStandby() {
    return standby;
  }

  public void setStandby(StandbyMode standby) {
    this.standby = standby;
  }

  public Objectives getObjectives() {
    return objectives;
  }

  public void setObjectives(Objectives objectives) {
    this.objectives = objectives;
  }

  public Detection getDetection() {
    return detection;
  }

  public void setDetection(Detection detection) {
    this.detection = detection;
  }

  public Failback getFailback() {
    return failback;
  }

  public void setFailback(Failback failback) {
    this.failback = failback;
  }

  public ManualAction getAction() {
    return action;
  }

  public void setAction(ManualAction action) {
    this.action = action;
  }

  public List<LocalObjectRef> getNotificationChannelRefs() {
    return notificationChannelRefs;
  }

  public void setNotificationChannelRefs(List<LocalObjectRef> notificationChannelRefs) {
    this.notificationChannelRefs = notificationChannelRefs;
  }

  public DisasterRecovery getDisasterRecovery() {
    return disasterRecovery;
  }

  public void setDisasterRecovery(DisasterRecovery disasterRecovery) {
    this.disasterRecovery = disasterRecovery;
  }
}
