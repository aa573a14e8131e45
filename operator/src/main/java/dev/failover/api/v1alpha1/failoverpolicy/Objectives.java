package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What the policy must achieve. Defaults are the IBM article's SaaS scenario. */
@ValidationRule(
    value =
        "!has(self.slaPercent) || !has(self.availabilityTargetPercent) || self.slaPercent >="
            + " self.availabilityTargetPercent",
    fieldPath = ".slaPercent",
    message = "slaPercent must be at least availabilityTargetPercent")
public class Objectives {
  @Default("99.5")
  @ValidationRule(
      value = ValuePatterns.AVAILABILITY_PERCENT_RULE,
      message = ValuePatterns.AVAILABILITY_PERCENT_MESSAGE)
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Internal availability target, in percent (the article asks ≥ 99.5).")
  private Double availabilityTargetPercent;

  @Default("99.9")
  @ValidationRule(
      value = ValuePatterns.AVAILABILITY_PERCENT_RULE,
      message = ValuePatterns.AVAILABILITY_PERCENT_MESSAGE)
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Availability promised to customers in the SLA, in percent; at least"
          + " availabilityTargetPercent. Breaches map onto the rider's credit tiers.")
  private Double slaPercent;

  @Default("2m")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Recovery time objective: from failure to the workload serving from another data center,"
          + " as a duration. A policy whose detection and readiness cannot meet it gets"
          + " RtoFeasible=False.")
  private String rto;

  public Double getAvailabilityTargetPercent() {
    return availabilityTargetPercent;
  }

  public void setAvailabilityTargetPercent(Double availabilityTargetPercent) {
    this.availabilityTargetPercent = availabilityTargetPercent;
  }

  public Double getSlaPercent() {
    return slaPercent;
  }

  public void setSlaPercent(Double slaPercent) {
    this.slaPercent = slaPercent;
  }

  public String getRto() {
    return rto;
  }

  public void setRto(String rto) {
    this.rto = rto;
  }
}
