package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One move of the workload between data centers. While in flight only the detection and start
 * fields are set; completedAt and measuredRtoMillis are filled when it completes.
 */
public class FailoverRecord {
  @JsonPropertyDescription("Failover or Failback.")
  private FailoverType type;

  @JsonPropertyDescription("The data center the workload moved away from.")
  private String from;

  @JsonPropertyDescription("The data center the workload moved to.")
  private String to;

  @JsonPropertyDescription("Why, for people: e.g. 'toronto Unreachable after 3 failed probes'.")
  private String reason;

  @JsonPropertyDescription("The spec.action.id that asked for it, for manual moves.")
  private String actionId;

  @JsonPropertyDescription("When the failure was detected (RFC 3339).")
  private String detectedAt;

  @JsonPropertyDescription("When the move started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription(
      "When the workload served from the target and DNS pointed there (RFC 3339).")
  private String completedAt;

  @JsonPropertyDescription(
      "Measured recovery time, detectedAt (or, for manual moves, startedAt) to completedAt, in"
          + " milliseconds.")
  private Long measuredRtoMillis;

  @JsonPropertyDescription(
      "Set when a person moved the workload into a data center held out for its restore test:"
          + " ManualOverrideOfFailedRestoreTest (its test failed) or"
          + " ManualOverrideOfUntestedDataCenter (no test had passed yet).")
  private String restoreTestOverride;

  @JsonPropertyDescription(
      "The ChaosRestoreTest that restoreTestOverride overrode, if one existed.")
  private String overriddenRestoreTest;

  public String getRestoreTestOverride() {
    return restoreTestOverride;
  }

  public void setRestoreTestOverride(String restoreTestOverride) {
    this.restoreTestOverride = restoreTestOverride;
  }

  public String getOverriddenRestoreTest() {
    return overriddenRestoreTest;
  }

  public void setOverriddenRestoreTest(String overriddenRestoreTest) {
    this.overriddenRestoreTest = overriddenRestoreTest;
  }

  public FailoverType getType() {
    return type;
  }

  public void setType(FailoverType type) {
    this.type = type;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getActionId() {
    return actionId;
  }

  public void setActionId(String actionId) {
    this.actionId = actionId;
  }

  public String getDetectedAt() {
    return detectedAt;
  }

  public void setDetectedAt(String detectedAt) {
    this.detectedAt = detectedAt;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public Long getMeasuredRtoMillis() {
    return measuredRtoMillis;
  }

  public void setMeasuredRtoMillis(Long measuredRtoMillis) {
    this.measuredRtoMillis = measuredRtoMillis;
  }
}
