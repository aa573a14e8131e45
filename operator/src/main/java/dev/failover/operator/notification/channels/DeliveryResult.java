package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.DeliveryOutcome;

/**
 * How one attempt went. The error is written for people and never holds a credential: no secret
 * value, no URL path or query (a Slack URL is itself a credential), only scheme, host and port.
 *
 * @param httpStatus the receiver's answer, for HTTP channels; null otherwise
 */
public record DeliveryResult(DeliveryOutcome outcome, Integer httpStatus, String error) {
  public static DeliveryResult delivered(Integer httpStatus) {
    return new DeliveryResult(DeliveryOutcome.Delivered, httpStatus, null);
  }

  public static DeliveryResult retryable(Integer httpStatus, String error) {
    return new DeliveryResult(DeliveryOutcome.RetryableFailure, httpStatus, error);
  }

  public static DeliveryResult permanent(Integer httpStatus, String error) {
    return new DeliveryResult(DeliveryOutcome.PermanentFailure, httpStatus, error);
  }

  public boolean delivered() {
    return outcome == DeliveryOutcome.Delivered;
  }
}
