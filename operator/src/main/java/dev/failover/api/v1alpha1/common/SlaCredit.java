package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An SLA credit owed to customers after a breach, as told in the "restored" notification. */
public class SlaCredit {
  @Required
  @JsonPropertyDescription("Discount, Refund or CancellationRight.")
  private Remedy remedy;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Credit due, as a percentage of the period's fee.")
  private Double creditPercent;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Availability measured over the period, in percent.")
  private Double measuredAvailabilityPercent;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Availability the SLA promised for the period, in percent.")
  private Double slaPercent;

  @Pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")
  @Size(max = 7)
  @JsonPropertyDescription("The calendar month the credit is for, as YYYY-MM.")
  private String period;

  public Remedy getRemedy() {
    return remedy;
  }

  public void setRemedy(Remedy remedy) {
    this.remedy = remedy;
  }

  public Double getCreditPercent() {
    return creditPercent;
  }

  public void setCreditPercent(Double creditPercent) {
    this.creditPercent = creditPercent;
  }

  public Double getMeasuredAvailabilityPercent() {
    return measuredAvailabilityPercent;
  }

  public void setMeasuredAvailabilityPercent(Double measuredAvailabilityPercent) {
    this.measuredAvailabilityPercent = measuredAvailabilityPercent;
  }

  public Double getSlaPercent() {
    return slaPercent;
  }

  public void setSlaPercent(Double slaPercent) {
    this.slaPercent = slaPercent;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }
}
