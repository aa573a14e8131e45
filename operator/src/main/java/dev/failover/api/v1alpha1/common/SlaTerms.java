package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The SLA a rider's provider offers: the availability it guarantees and the credit schedule. */
@ValidationRule(
    value =
        "!has(self.creditTiers) || self.creditTiers.all(t, t.belowAvailabilityPercent <="
            + " self.availabilityPercent)",
    fieldPath = ".creditTiers",
    message =
        "every creditTiers[].belowAvailabilityPercent must be at most availabilityPercent: credits"
            + " are only due below the SLA")
@ValidationRule(
    value =
        "!has(self.creditTiers) || self.creditTiers.all(a, self.creditTiers.exists_one(b,"
            + " b.belowAvailabilityPercent == a.belowAvailabilityPercent))",
    fieldPath = ".creditTiers",
    message = "creditTiers must not repeat a belowAvailabilityPercent")
@ValidationRule(
    value =
        "!has(self.creditTiers) || self.creditTiers.all(a, self.creditTiers.all(b,"
            + " a.belowAvailabilityPercent >= b.belowAvailabilityPercent || a.creditPercent >="
            + " b.creditPercent))",
    fieldPath = ".creditTiers",
    message =
        "creditTiers: a tier with a lower belowAvailabilityPercent must not give a smaller"
            + " creditPercent")
public class SlaTerms {
  @Required
  @ValidationRule(
      value = ValuePatterns.AVAILABILITY_PERCENT_RULE,
      message = ValuePatterns.AVAILABILITY_PERCENT_MESSAGE)
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Availability the provider guarantees, in percent per calendar month (for example 99.9).")
  private Double availabilityPercent;

  @Size(max = 10)
  @JsonPropertyDescription(
      "Credit schedule: which remedy is due below which availability. Thresholds must be unique"
          + " and at most availabilityPercent; lower availability must not earn a smaller credit.")
  private List<CreditTier> creditTiers;

  public Double getAvailabilityPercent() {
    return availabilityPercent;
  }

  public void setAvailabilityPercent(Double availabilityPercent) {
    this.availabilityPercent = availabilityPercent;
  }

  public List<CreditTier> getCreditTiers() {
    return creditTiers;
  }

  public void setCreditTiers(List<CreditTier> creditTiers) {
    this.creditTiers = creditTiers;
  }
}
