package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** One step of the SLA credit schedule: below this availability, this remedy is due. */
public class CreditTier {
  @Required
  @ValidationRule(
      value = ValuePatterns.AVAILABILITY_PERCENT_RULE,
      message = ValuePatterns.AVAILABILITY_PERCENT_MESSAGE)
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "The tier applies when measured availability for the period is below this percentage.")
  private Double belowAvailabilityPercent;

  @Required
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Credit due, as a percentage of the period's fee (0 for a pure cancellation right).")
  private Double creditPercent;

  @Required
  @JsonPropertyDescription("Discount, Refund or CancellationRight.")
  private Remedy remedy;

  public CreditTier() {}

  public CreditTier(double belowAvailabilityPercent, double creditPercent, Remedy remedy) {
    this.belowAvailabilityPercent = belowAvailabilityPercent;
    this.creditPercent = creditPercent;
    this.remedy = remedy;
  }

  public Double getBelowAvailabilityPercent() {
    return belowAvailabilityPercent;
  }

  public void setBelowAvailabilityPercent(Double belowAvailabilityPercent) {
    this.belowAvailabilityPercent = belowAvailabilityPercent;
  }

  public Double getCreditPercent() {
    return creditPercent;
  }

  public void setCreditPercent(Double creditPercent) {
    this.creditPercent = creditPercent;
  }

  public Remedy getRemedy() {
    return remedy;
  }

  public void setRemedy(Remedy remedy) {
    this.remedy = remedy;
  }
}
