package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The data center's last capacity measurement: its Ready, schedulable nodes and the requests of the
 * pods bound to them.
 */
public class DataCenterCapacity {
  @JsonPropertyDescription(
      "CPU the Ready, schedulable nodes offer (sum of status.allocatable), as a quantity.")
  private String allocatableCpu;

  @JsonPropertyDescription(
      "Memory the Ready, schedulable nodes offer (sum of status.allocatable), as a quantity.")
  private String allocatableMemory;

  @JsonPropertyDescription(
      "CPU requested by the unfinished pods bound to those nodes, as a quantity.")
  private String requestedCpu;

  @JsonPropertyDescription(
      "Memory requested by the unfinished pods bound to those nodes, as a quantity.")
  private String requestedMemory;

  @JsonPropertyDescription(
      "Nodes counted: Ready, not cordoned, without a NoSchedule or NoExecute taint.")
  private Integer readyNodes;

  @JsonPropertyDescription(
      "Share of allocatable that is not requested, for the scarcer of CPU and memory, in percent."
          + " Absent when no node offers CPU and memory.")
  private Double freePercent;

  @JsonPropertyDescription(
      "Whether freePercent is at least spec.spareCapacityPercent. A data center without its"
          + " reserve takes no workload that would need more capacity there. Absent when unknown.")
  private Boolean reserveMet;

  @JsonPropertyDescription(
      "CPU those nodes are busy with, from the metrics.k8s.io API, as a quantity. Absent where no"
          + " metrics API answers for every counted node (for example no metrics-server, or one"
          + " that started less than about 30s ago).")
  private String usedCpu;

  @JsonPropertyDescription(
      "usedCpu as a share of allocatableCpu, in percent. IaaS riders' capacity thresholds"
          + " judge by it.")
  private Double cpuUtilizationPercent;

  @JsonPropertyDescription(
      "When the metrics API took usedCpu (RFC 3339, the oldest of the nodes' figures); a later"
          + " time means a new sample.")
  private String usageSampledAt;

  @JsonPropertyDescription(
      "When the nodes and pods were listed (RFC 3339). A measurement older than three intervals"
          + " (45s) counts as unknown, and unknown capacity never blocks a failover.")
  private String measuredAt;

  public String getUsedCpu() {
    return usedCpu;
  }

  public void setUsedCpu(String usedCpu) {
    this.usedCpu = usedCpu;
  }

  public Double getCpuUtilizationPercent() {
    return cpuUtilizationPercent;
  }

  public void setCpuUtilizationPercent(Double cpuUtilizationPercent) {
    this.cpuUtilizationPercent = cpuUtilizationPercent;
  }

  public String getUsageSampledAt() {
    return usageSampledAt;
  }

  public void setUsageSampledAt(String usageSampledAt) {
    this.usageSampledAt = usageSampledAt;
  }

  public String getAllocatableCpu() {
    return allocatableCpu;
  }

  public void setAllocatableCpu(String allocatableCpu) {
    this.allocatableCpu = allocatableCpu;
  }

  public String getAllocatableMemory() {
    return allocatableMemory;
  }

  public void setAllocatableMemory(String allocatableMemory) {
    this.allocatableMemory = allocatableMemory;
  }

  public String getRequestedCpu() {
    return requestedCpu;
  }

  public void setRequestedCpu(String requestedCpu) {
    this.requestedCpu = requestedCpu;
  }

  public String getRequestedMemory() {
    return requestedMemory;
  }

  public void setRequestedMemory(String requestedMemory) {
    this.requestedMemory = requestedMemory;
  }

  public Integer getReadyNodes() {
    return readyNodes;
  }

  public void setReadyNodes(Integer readyNodes) {
    this.readyNodes = readyNodes;
  }

  public Double getFreePercent() {
    return freePercent;
  }

  public void setFreePercent(Double freePercent) {
    this.freePercent = freePercent;
  }

  public Boolean getReserveMet() {
    return reserveMet;
  }

  public void setReserveMet(Boolean reserveMet) {
    this.reserveMet = reserveMet;
  }

  public String getMeasuredAt() {
    return measuredAt;
  }

  public void setMeasuredAt(String measuredAt) {
    this.measuredAt = measuredAt;
  }
}
