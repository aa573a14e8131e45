package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;

/** What the probes of the workload's own health endpoint have seen in one data center. */
public class WorkloadEndpointHealth {
  @JsonPropertyDescription("The data center whose ingress address was probed.")
  private String dataCenter;

  @JsonPropertyDescription(
      "Pending (not answered yet), Healthy, Degraded (slow), Unreachable, Restoring or Probation,"
          + " judged with the policy's detection settings.")
  private DataCenterPhase phase;

  @JsonPropertyDescription("When phase last changed (RFC 3339).")
  private String since;

  @JsonPropertyDescription(
      "True while the endpoint is probed: in the active data center, and in every data center"
          + " with a Hot standby. False for a verdict kept from when the workload last ran there.")
  private Boolean probing;

  @JsonPropertyDescription(
      "Whether the endpoint has answered at least once in this data center. Until it has, its"
          + " verdict moves nothing: an endpoint that never answered is a deployment problem.")
  private Boolean answered;

  @JsonPropertyDescription("Failed probes in a row.")
  private Integer consecutiveFailures;

  @JsonPropertyDescription("Median probe latency over the brownout window, in milliseconds.")
  private Double p50Ms;

  @JsonPropertyDescription("Why the endpoint is in its phase, for people.")
  private String message;

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public DataCenterPhase getPhase() {
    return phase;
  }

  public void setPhase(DataCenterPhase phase) {
    this.phase = phase;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public Boolean getProbing() {
    return probing;
  }

  public void setProbing(Boolean probing) {
    this.probing = probing;
  }

  public Integer getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public void setConsecutiveFailures(Integer consecutiveFailures) {
    this.consecutiveFailures = consecutiveFailures;
  }

  public Double getP50Ms() {
    return p50Ms;
  }

  public void setP50Ms(Double p50Ms) {
    this.p50Ms = p50Ms;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Boolean getAnswered() {
    return answered;
  }

  public void setAnswered(Boolean answered) {
    this.answered = answered;
  }
}
