package dev.failover.api.v1alpha1.iaasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The IaaS enterprise license negotiated with the provider. */
public class IaasEnterpriseLicense {
  @Required
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Most virtual machines the customer may develop, run and maintain.")
  private Integer maxVirtualMachines;

  @Required
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Most IaaS specialists that may access the machines at the same time.")
  private Integer maxConcurrentSpecialists;

  @Required
  @Min(0)
  @Max(10000)
  @JsonPropertyDescription("Most PaaS developers that may work on the virtual machines.")
  private Integer maxPaasDevelopersOnVms;

  public Integer getMaxVirtualMachines() {
    return maxVirtualMachines;
  }

  public void setMaxVirtualMachines(Integer maxVirtualMachines) {
    this.maxVirtualMachines = maxVirtualMachines;
  }

  public Integer getMaxConcurrentSpecialists() {
    return maxConcurrentSpecialists;
  }

  public void setMaxConcurrentSpecialists(Integer maxConcurrentSpecialists) {
    this.maxConcurrentSpecialists = maxConcurrentSpecialists;
  }

  public Integer getMaxPaasDevelopersOnVms() {
    return maxPaasDevelopersOnVms;
  }

  public void setMaxPaasDevelopersOnVms(Integer maxPaasDevelopersOnVms) {
    this.maxPaasDevelopersOnVms = maxPaasDevelopersOnVms;
  }
}
