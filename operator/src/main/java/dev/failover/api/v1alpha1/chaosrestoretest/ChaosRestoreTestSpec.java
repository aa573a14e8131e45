package dev.failover.api.v1alpha1.chaosrestoretest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which data center to test with which policy's workload, and how hard. */
@ValidationRule(
    value = "self.trigger != 'Schedule' || has(self.schedule)",
    fieldPath = ".schedule",
    message = "schedule (a cron expression) is required when trigger is Schedule")
@ValidationRule(
    value = "self.trigger == 'Schedule' || !has(self.schedule)",
    fieldPath = ".schedule",
    message = "schedule is only allowed when trigger is Schedule")
public class ChaosRestoreTestSpec {
  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("The DataCenter to test.")
  private String dataCenter;

  @Required
  @JsonPropertyDescription("The FailoverPolicy, in this namespace, whose workload is tested.")
  private LocalObjectRef policyRef;

  @Default("Manual")
  @JsonPropertyDescription("Restoration, Schedule or Manual.")
  private ChaosTrigger trigger;

  @ValidationRule(
      value = "self.matches(" + ValuePatterns.CRON_CEL + ")",
      message =
          "must be a cron expression of five fields (minute 0-59, hour 0-23, day of month 1-31,"
              + " month 1-12 or JAN-DEC, day of week 0-7 or SUN-SAT), such as '0 3 * * 1', or a"
              + " macro such as @daily")
  @Size(max = ValuePatterns.CRON_MAX_LENGTH)
  @JsonPropertyDescription(
      "Schedule trigger only: a five-field cron expression (UTC) such as '0 3 * * 1', or @daily.")
  private String schedule;

  @JsonPropertyDescription(
      "Seed of the random fault sequence; the same seed replays the same faults. The operator"
          + " picks one, and records it in status.seed, when unset.")
  private Long seed;

  @Default("{}")
  @JsonPropertyDescription("How many faults, of which kinds.")
  private FaultPlan faults;

  @Default("true")
  @JsonPropertyDescription("Whether to check a drill failover to and from the data center.")
  private Boolean drillFailover;

  @Default("true")
  @JsonPropertyDescription(
      "Whether to back up the restored state before promoting the data center to production.")
  private Boolean backup;

  @Default("10m")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("The test fails if it has not passed within this duration.")
  private String timeout;

  @Default("2m")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Pass criterion: each fault must be recovered from within this duration (the workload"
          + " Available again); the drill's moves are bounded by it too.")
  private String maxRecoveryTime;

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public LocalObjectRef getPolicyRef() {
    return policyRef;
  }

  public void setPolicyRef(LocalObjectRef policyRef) {
    this.policyRef = policyRef;
  }

  public ChaosTrigger getTrigger() {
    return trigger;
  }

  public void setTrigger(ChaosTrigger trigger) {
    this.trigger = trigger;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public FaultPlan getFaults() {
    return faults;
  }

  public void setFaults(FaultPlan faults) {
    this.faults = faults;
  }

  public Boolean getDrillFailover() {
    return drillFailover;
  }

  public void setDrillFailover(Boolean drillFailover) {
    this.drillFailover = drillFailover;
  }

  public Boolean getBackup() {
    return backup;
  }

  public void setBackup(Boolean backup) {
    this.backup = backup;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public String getMaxRecoveryTime() {
    return maxRecoveryTime;
  }

  public void setMaxRecoveryTime(String maxRecoveryTime) {
    this.maxRecoveryTime = maxRecoveryTime;
  }
}
