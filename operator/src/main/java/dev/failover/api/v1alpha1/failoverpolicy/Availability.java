package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Availability measured from real downtime (no data center serving the workload), over a rolling
 * window and over the current calendar month.
 */
public class Availability {
  @JsonPropertyDescription("Availability over the rolling window, in percent.")
  private Double percent;

  @JsonPropertyDescription("Length of the rolling window, as a duration (e.g. 720h).")
  private String window;

  @JsonPropertyDescription("Availability over the current calendar month (UTC), in percent.")
  private Double monthToDatePercent;

  @JsonPropertyDescription(
      "Share of the month's error budget (100 - slaPercent) still unspent, in percent; negative"
          + " once the SLA is breached.")
  private Double errorBudgetRemainingPercent;

  @JsonPropertyDescription("Downtime within the rolling window, in seconds.")
  private Long downtimeSeconds;

  public Double getPercent() {
    return percent;
  }

  public void setPercent(Double percent) {
    this.percent = percent;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public Double getMonthToDatePercent() {
    return monthToDatePercent;
  }

  public void setMonthToDatePercent(Double monthToDatePercent) {
    this.monthToDatePercent = monthToDatePercent;
  }

  public Double getErrorBudgetRemainingPercent() {
    return errorBudgetRemainingPercent;
  }

  public void setErrorBudgetRemainingPercent(Double errorBudgetRemainingPercent) {
    this.errorBudgetRemainingPercent = errorBudgetRemainingPercent;
  }

  public Long getDowntimeSeconds() {
    return downtimeSeconds;
  }

  public void setDowntimeSeconds(Long downtimeSeconds) {
    this.downtimeSeconds = downtimeSeconds;
  }
}
