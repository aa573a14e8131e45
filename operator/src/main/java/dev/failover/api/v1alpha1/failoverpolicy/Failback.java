package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** When the workload returns to its primary after a failover. */
@ValidationRule(
    value = "!has(self.stabilizationWindow) || self.mode == 'Automatic'",
    fieldPath = ".stabilizationWindow",
    message = "stabilizationWindow is only allowed when failback.mode is Automatic")
public class Failback {
  @Default("Automatic")
  @JsonPropertyDescription(
      "Automatic: after the primary has been healthy for stabilizationWindow. Manual: only"
          + " through spec.action.")
  private FailbackMode mode;

  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Automatic failback only: how long the primary must stay healthy first, as a duration;"
          + " 5m when unset.")
  private String stabilizationWindow;

  @Default("false")
  @JsonPropertyDescription(
      "Whether failback waits for a passed ChaosRestoreTest of the restored data center.")
  private Boolean requireRestoreTest;

  public FailbackMode getMode() {
    return mode;
  }

  public void setMode(FailbackMode mode) {
    this.mode = mode;
  }

  public String getStabilizationWindow() {
    return stabilizationWindow;
  }

  public void setStabilizationWindow(String stabilizationWindow) {
    this.stabilizationWindow = stabilizationWindow;
  }

  public Boolean getRequireRestoreTest() {
    return requireRestoreTest;
  }

  public void setRequireRestoreTest(Boolean requireRestoreTest) {
    this.requireRestoreTest = requireRestoreTest;
  }
}
