package dev.failover.api.v1alpha1.notification;

/** Delivery state of a notification. */
public enum NotificationPhase {
  /** Not delivered yet; status.nextAttemptAt says when the next attempt is due. */
  Pending,
  /** The channel accepted it. */
  Delivered,
  /** Delivery was given up: a permanent failure, or the attempts ran out. */
  Failed
}
