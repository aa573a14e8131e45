package dev.failover.api.v1alpha1.iaasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The performance-threshold policy of capacity planning: when to provision more virtual machines,
 * so that I/O-heavy points do not run out of resources to fail over to.
 */
public class CapacityThreshold {
  @Default("80")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Provision more virtual machines when I/O utilization stays above this percentage.")
  private Integer ioUtilizationPercent;

  @Default("80")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Provision more virtual machines when CPU utilization stays above this percentage.")
  private Integer cpuUtilizationPercent;

  @Default("0")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Most virtual machines provisioned beyond spec.virtualMachines; all count against"
          + " license.maxVirtualMachines.")
  private Integer maxAdditionalVirtualMachines;

  public Integer getIoUtilizationPercent() {
    return ioUtilizationPercent;
  }

  public void setIoUtilizationPercent(Integer ioUtilizationPercent) {
    this.ioUtilizationPercent = ioUtilizationPercent;
  }

  public Integer getCpuUtilizationPercent() {
    return cpuUtilizationPercent;
  }

  public void setCpuUtilizationPercent(Integer cpuUtilizationPercent) {
    this.cpuUtilizationPercent = cpuUtilizationPercent;
  }

  public Integer getMaxAdditionalVirtualMachines() {
    return maxAdditionalVirtualMachines;
  }

  public void setMaxAdditionalVirtualMachines(Integer maxAdditionalVirtualMachines) {
    this.maxAdditionalVirtualMachines = maxAdditionalVirtualMachines;
  }
}
