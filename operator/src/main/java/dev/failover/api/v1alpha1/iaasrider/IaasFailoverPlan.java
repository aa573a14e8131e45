package dev.failover.api.v1alpha1.iaasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.FailoverPlan;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;

/**
 * The IaaS failover plan: the common plan plus the specialists' work with PaaS developers on
 * failover machines and the capacity threshold that provisions more machines.
 */
@SchemaCustomizer(value = SetLists.class, input = "privacyCompliance")
public class IaasFailoverPlan extends FailoverPlan {
  @Default("true")
  @JsonPropertyDescription(
      "Whether the infrastructure and network specialists work with the PaaS developers to set"
          + " up the failover virtual machines.")
  private Boolean specialistsWorkWithPaasDevelopers;

  @Default("{}")
  @JsonPropertyDescription("When to provision more virtual machines.")
  private CapacityThreshold capacityThreshold;

  public Boolean getSpecialistsWorkWithPaasDevelopers() {
    return specialistsWorkWithPaasDevelopers;
  }

  public void setSpecialistsWorkWithPaasDevelopers(Boolean specialistsWorkWithPaasDevelopers) {
    this.specialistsWorkWithPaasDevelopers = specialistsWorkWithPaasDevelopers;
  }

  public CapacityThreshold getCapacityThreshold() {
    return capacityThreshold;
  }

  public void setCapacityThreshold(CapacityThreshold capacityThreshold) {
    this.capacityThreshold = capacityThreshold;
  }
}
