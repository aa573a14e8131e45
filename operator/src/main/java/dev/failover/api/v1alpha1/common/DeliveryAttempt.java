package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One attempt to deliver a notification through a channel. */
public class DeliveryAttempt {
  @JsonPropertyDescription("When the attempt was made (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Delivered, RetryableFailure or PermanentFailure.")
  private DeliveryOutcome outcome;

  @JsonPropertyDescription("HTTP status the receiver answered with, for HTTP-based channels.")
  private Integer httpStatus;

  @JsonPropertyDescription("What went wrong, when the attempt failed.")
  private String error;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public DeliveryOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(DeliveryOutcome outcome) {
    this.outcome = outcome;
  }

  public Integer getHttpStatus() {
    return httpStatus;
  }

  public void setHttpStatus(Integer httpStatus) {
    this.httpStatus = httpStatus;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
