package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The final figures of one closed calendar month (UTC). */
public class SlaMonth {
  @Pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")
  @JsonPropertyDescription("The month, as YYYY-MM.")
  private String month;

  @JsonPropertyDescription(
      "Milliseconds of the month the ledger covered: all of it, or from when the workload first"
          + " served.")
  private Long measuredMillis;

  @JsonPropertyDescription("Observed downtime within the month, in milliseconds.")
  private Long downMillis;

  @JsonPropertyDescription(
      "Time within the month the operator could not observe, in milliseconds; counted as down.")
  private Long unknownMillis;

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }

  public Long getMeasuredMillis() {
    return measuredMillis;
  }

  public void setMeasuredMillis(Long measuredMillis) {
    this.measuredMillis = measuredMillis;
  }

  public Long getDownMillis() {
    return downMillis;
  }

  public void setDownMillis(Long downMillis) {
    this.downMillis = downMillis;
  }

  public Long getUnknownMillis() {
    return unknownMillis;
  }

  public void setUnknownMillis(Long unknownMillis) {
    this.unknownMillis = unknownMillis;
  }
}
