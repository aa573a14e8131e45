package dev.failover.api.v1alpha1.chaosrestoretest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ConditionedStatus;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Progress and results of a chaos restore test. */
public class ChaosRestoreTestStatus extends ConditionedStatus {
  @JsonPropertyDescription("Pending, Running, Passed or Failed.")
  private ChaosTestPhase phase;

  @JsonPropertyDescription("The seed the fault sequence was drawn with; replay it with spec.seed.")
  private Long seed;

  @JsonPropertyDescription("The isolated namespace in the data center the test ran in.")
  private String testNamespace;

  @JsonPropertyDescription("When the test started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the test passed or failed (RFC 3339).")
  private String completedAt;

  @Size(max = 100)
  @JsonPropertyDescription("Each injected fault, in order, with its recovery time.")
  private List<FaultRecord> faults = new ArrayList<>();

  @JsonPropertyDescription("Whether the drill failover succeeded; unset when not run.")
  private Boolean drillFailoverPassed;

  @JsonPropertyDescription("The backup taken before promotion.")
  private BackupRecord backup;

  @JsonPropertyDescription("Whether the data center was returned to production.")
  private Boolean promoted;

  @JsonPropertyDescription("Why the test failed, or what it is waiting for.")
  private String message;

  @JsonPropertyDescription(
      "Running only: the step under way (Preparing, Faults, DrillOut, DrillBack, BackingUp), so a"
          + " restarted operator resumes there.")
  private ChaosRunStep step;

  @JsonPropertyDescription("When the current step started (RFC 3339).")
  private String stepStartedAt;

  @JsonPropertyDescription("The data center the drill failover moved the test copy to.")
  private String drillDataCenter;

  @JsonPropertyDescription(
      "The value of the failover.dev/run annotation the current or last run was started for.")
  private String runRequest;

  @JsonPropertyDescription(
      "Schedule trigger only: the scheduled time (RFC 3339) the current or last run was started"
          + " for.")
  private String scheduledFor;

  @JsonPropertyDescription("How many runs have started; 1 for the first.")
  private Integer runs;

  @JsonPropertyDescription("A short printable report of the last run.")
  private String report;

  public ChaosTestPhase getPhase() {
    return phase;
  }

  public void setPhase(ChaosTestPhase phase) {
    this.phase = phase;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public String getTestNamespace() {
    return testNamespace;
  }

  public void setTestNamespace(String testNamespace) {
    this.testNamespace = testNamespace;
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

  public List<FaultRecord> getFaults() {
    return faults;
  }

  public void setFaults(List<FaultRecord> faults) {
    this.faults = faults;
  }

  public Boolean getDrillFailoverPassed() {
    return drillFailoverPassed;
  }

  public void setDrillFailoverPassed(Boolean drillFailoverPassed) {
    this.drillFailoverPassed = drillFailoverPassed;
  }

  public BackupRecord getBackup() {
    return backup;
  }

  public void setBackup(BackupRecord backup) {
    this.backup = backup;
  }

  public Boolean getPromoted() {
    return promoted;
  }

  public void setPromoted(Boolean promoted) {
    this.promoted = promoted;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public ChaosRunStep getStep() {
    return step;
  }

  public void setStep(ChaosRunStep step) {
    this.step = step;
  }

  public String getStepStartedAt() {
    return stepStartedAt;
  }

  public void setStepStartedAt(String stepStartedAt) {
    this.stepStartedAt = stepStartedAt;
  }

  public String getDrillDataCenter() {
    return drillDataCenter;
  }

  public void setDrillDataCenter(String drillDataCenter) {
    this.drillDataCenter = drillDataCenter;
  }

  public String getRunRequest() {
    return runRequest;
  }

  public void setRunRequest(String runRequest) {
    this.runRequest = runRequest;
  }

  public String getScheduledFor() {
    return scheduledFor;
  }

  public void setScheduledFor(String scheduledFor) {
    this.scheduledFor = scheduledFor;
  }

  public Integer getRuns() {
    return runs;
  }

  public void setRuns(Integer runs) {
    this.runs = runs;
  }

  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }
}
