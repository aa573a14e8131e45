package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * This policy's own detection settings; each unset field keeps the data center's. They judge the
 * data centers' API-server probes for this policy alone (stricter or looser than the data center's
 * own verdict) and the probes of the workload's health endpoint.
 */
@ValidationRule(
    value =
        "!has(self.brownoutWindow) || !has(self.probeInterval) || !self.brownoutWindow.matches("
            + ValuePatterns.DURATION_CEL
            + ") || !self.probeInterval.matches("
            + ValuePatterns.DURATION_CEL
            + ") || duration(self.brownoutWindow) >= duration(self.probeInterval)",
    fieldPath = ".brownoutWindow",
    message = "brownoutWindow must be at least one probeInterval")
public class Detection {
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Blackout for this policy after this many consecutive failed probes, of the API server and"
          + " of the workload's health endpoint alike.")
  private Integer failureThreshold;

  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("Time between probes of the workload's health endpoint, as a duration.")
  private String probeInterval;

  @Min(1)
  @Max(600000)
  @JsonPropertyDescription(
      "Brownout for this policy when median (p50) probe latency stays above this many"
          + " milliseconds over brownoutWindow.")
  private Integer brownoutLatencyThresholdMs;

  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("How long latency must stay above threshold to be a brownout.")
  private String brownoutWindow;

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  public String getProbeInterval() {
    return probeInterval;
  }

  public void setProbeInterval(String probeInterval) {
    this.probeInterval = probeInterval;
  }

  public Integer getBrownoutLatencyThresholdMs() {
    return brownoutLatencyThresholdMs;
  }

  public void setBrownoutLatencyThresholdMs(Integer brownoutLatencyThresholdMs) {
    this.brownoutLatencyThresholdMs = brownoutLatencyThresholdMs;
  }

  public String getBrownoutWindow() {
    return brownoutWindow;
  }

  public void setBrownoutWindow(String brownoutWindow) {
    this.brownoutWindow = brownoutWindow;
  }
}
