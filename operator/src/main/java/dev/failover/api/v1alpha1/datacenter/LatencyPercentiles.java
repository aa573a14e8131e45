package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Probe latency percentiles over the brownout window, in milliseconds. */
public class LatencyPercentiles {
  @JsonPropertyDescription("Median probe latency in milliseconds.")
  private Double p50Ms;

  @JsonPropertyDescription("95th percentile probe latency in milliseconds.")
  private Double p95Ms;

  @JsonPropertyDescription("99th percentile probe latency in milliseconds.")
  private Double p99Ms;

  public Double getP50Ms() {
    return p50Ms;
  }

  public void setP50Ms(Double p50Ms) {
    this.p50Ms = p50Ms;
  }

  public Double getP95Ms() {
    return p95Ms;
  }

  public void setP95Ms(Double p95Ms) {
    this.p95Ms = p95Ms;
  }

  public Double getP99Ms() {
    return p99Ms;
  }

  public void setP99Ms(Double p99Ms) {
    this.p99Ms = p99Ms;
  }
}
