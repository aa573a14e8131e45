package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every status of this API carries: the generation it reflects and standard conditions. */
public class ConditionedStatus {
  @JsonPropertyDescription(
      "The metadata.generation of the spec this status was computed from. When it is lower than"
          + " metadata.generation, the operator has not yet acted on the latest spec.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Standard conditions (type, status, reason, message, lastTransitionTime). Ready is the"
          + " summary condition of every kind.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  /** The condition of the given type, if the status has one. */
  @JsonIgnore
  public Optional<Condition> condition(String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
