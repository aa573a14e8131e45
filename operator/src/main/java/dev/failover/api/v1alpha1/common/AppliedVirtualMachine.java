package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One of an IaaS rider's virtual machines in one data center, as the operator last left it. */
public class AppliedVirtualMachine {
  @JsonPropertyDescription("The DataCenter the machine lives in.")
  private String dataCenter;

  @JsonPropertyDescription("The machine's name, as spec.virtualMachines lists it.")
  private String name;

  @JsonPropertyDescription("Whether it is a failover machine.")
  private Boolean failover;

  @JsonPropertyDescription(
      "The spec.runStrategy it is given there: Always (running) or Halted (defined, stopped).")
  private String runStrategy;

  @JsonPropertyDescription(
      "Whether the VirtualMachine is in the data center as described; false when the data center"
          + " cannot be reached or does not serve kubevirt.io/v1 VirtualMachines.")
  private Boolean applied;

  @JsonPropertyDescription("Why it runs or is halted there, or why it is not applied.")
  private String message;

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Boolean getFailover() {
    return failover;
  }

  public void setFailover(Boolean failover) {
    this.failover = failover;
  }

  public String getRunStrategy() {
    return runStrategy;
  }

  public void setRunStrategy(String runStrategy) {
    this.runStrategy = runStrategy;
  }

  public Boolean getApplied() {
    return applied;
  }

  public void setApplied(Boolean applied) {
    this.applied = applied;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
