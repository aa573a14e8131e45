package dev.failover.api.v1alpha1.common;

/** The result of one attempt to deliver a notification. */
public enum DeliveryOutcome {
  /** The channel accepted the notification. */
  Delivered,
  /** The attempt failed and will be retried. */
  RetryableFailure,
  /** The attempt failed in a way that retrying cannot fix (e.g. HTTP 400). */
  PermanentFailure
}
