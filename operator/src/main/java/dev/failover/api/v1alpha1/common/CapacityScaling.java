package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * An IaaS rider's capacity threshold at work: the utilization samples it judges by, and the
 * machines it added beyond spec.virtualMachines.
 */
public class CapacityScaling {
  @JsonPropertyDescription(
      "Virtual machines provisioned beyond spec.virtualMachines, named <first machine>-extra-<n>;"
          + " each runs where the rider's production machines run.")
  private Integer additionalMachines;

  @JsonPropertyDescription(
      "The latest CPU utilization samples, oldest first: the busiest data center the rider's"
          + " machines run in, once per new metrics sample. Cleared when a machine is added or"
          + " released, so its effect is measured anew.")
  private List<UtilizationRecord> samples = new ArrayList<>();

  @JsonPropertyDescription(
      "When additionalMachines last changed (RFC 3339); the next change waits a cooldown of 1m.")
  private String lastChange;

  @JsonPropertyDescription("The last decision, in words.")
  private String message;

  public Integer getAdditionalMachines() {
    return additionalMachines;
  }

  public void setAdditionalMachines(Integer additionalMachines) {
    this.additionalMachines = additionalMachines;
  }

  public List<UtilizationRecord> getSamples() {
    return samples;
  }

  public void setSamples(List<UtilizationRecord> samples) {
    this.samples = samples;
  }

  public String getLastChange() {
    return lastChange;
  }

  public void setLastChange(String lastChange) {
    this.lastChange = lastChange;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
