package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ConditionedStatus;

/** What the probes have seen of a data center. */
public class DataCenterStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "Pending, Healthy, Degraded (brownout), Unreachable (blackout), Excluded, Restoring or"
          + " Probation.")
  private DataCenterPhase phase;

  @JsonPropertyDescription("Probe latency percentiles over the brownout window.")
  private LatencyPercentiles latency;

  @JsonPropertyDescription("Probe error rate over the brownout window, in percent.")
  private Double errorRatePercent;

  @JsonPropertyDescription("Failed probes in a row; reaching probe.failureThreshold is a blackout.")
  private Integer consecutiveFailures;

  @JsonPropertyDescription("Good probes in a row; reaching probe.successThreshold ends one.")
  private Integer consecutiveSuccesses;

  @JsonPropertyDescription("When the last probe ran (RFC 3339).")
  private String lastProbeTime;

  @JsonPropertyDescription("When phase last changed (RFC 3339).")
  private String lastTransitionTime;

  @JsonPropertyDescription("Why the data center is in its phase, for people.")
  private String message;

  @JsonPropertyDescription(
      "Allocatable and requested CPU and memory, measured every 15s; decides whether the data"
          + " center can take a workload failing over.")
  private DataCenterCapacity capacity;

  public DataCenterPhase getPhase() {
    return phase;
  }

  public void setPhase(DataCenterPhase phase) {
    this.phase = phase;
  }

  public LatencyPercentiles getLatency() {
    return latency;
  }

  public void setLatency(LatencyPercentiles latency) {
    this.latency = latency;
  }

  public Double getErrorRatePercent() {
    return errorRatePercent;
  }

  public void setErrorRatePercent(Double errorRatePercent) {
    this.errorRatePercent = errorRatePercent;
  }

  public Integer getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public void setConsecutiveFailures(Integer consecutiveFailures) {
    this.consecutiveFailures = consecutiveFailures;
  }

  public Integer getConsecutiveSuccesses() {
    return consecutiveSuccesses;
  }

  public void setConsecutiveSuccesses(Integer consecutiveSuccesses) {
    this.consecutiveSuccesses = consecutiveSuccesses;
  }

  public String getLastProbeTime() {
    return lastProbeTime;
  }

  public void setLastProbeTime(String lastProbeTime) {
    this.lastProbeTime = lastProbeTime;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public DataCenterCapacity getCapacity() {
    return capacity;
  }

  public void setCapacity(DataCenterCapacity capacity) {
    this.capacity = capacity;
  }
}
