package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Overrides of the data centers' probe thresholds for this policy; unset fields keep theirs. */
public class Detection {
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Blackout after this many consecutive failed probes.")
  private Integer failureThreshold;

  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("Time between probes of the workload's health endpoint, as a duration.")
  private String probeInterval;

  @Min(1)
  @Max(600000)
  @JsonPropertyDescription("Brownout when p95 latency stays above this many milliseconds.")
  private Integer brownoutLatencyThresholdMs;

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
