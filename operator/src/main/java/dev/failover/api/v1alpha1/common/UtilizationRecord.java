package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One utilization sample an IaaS rider's capacity threshold judged by. */
public class UtilizationRecord {
  @JsonPropertyDescription("When the metrics API took it (RFC 3339).")
  private String at;

  @JsonPropertyDescription("CPU in use as a share of allocatable CPU, in percent.")
  private Double cpuPercent;

  @JsonPropertyDescription("The data center it was measured in: the busiest one.")
  private String dataCenter;

  public UtilizationRecord() {}

  public UtilizationRecord(String at, double cpuPercent, String dataCenter) {
    this.at = at;
    this.cpuPercent = cpuPercent;
    this.dataCenter = dataCenter;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public Double getCpuPercent() {
    return cpuPercent;
  }

  public void setCpuPercent(Double cpuPercent) {
    this.cpuPercent = cpuPercent;
  }

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }
}
