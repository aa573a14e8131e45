package dev.failover.core.notification;

import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.api.v1alpha1.notification.NotificationStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt: delivered; dead-lettered (a permanent failure, or the last allowed
 * attempt failed); or another attempt after the backoff. And when a finished notification is old
 * enough to delete.
 *
 * @param maxAttempts attempts before a notification is dead-lettered, at most 20 (what its status
 *     keeps)
 * @param retention how long a delivered or dead-lettered notification is kept
 */
public record DeliveryRules(int maxAttempts, DeliveryBackoff backoff, Duration retention) {
  public DeliveryRules {
    if (maxAttempts < 1 || maxAttempts > NotificationStatus.ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxAttempts must be 1 to " + NotificationStatus.ATTEMPTS_LIMIT);
    }
  }

  /** The decision after an attempt. */
  public sealed interface Next {}

  /** The channel accepted it. */
  public record Delivered() implements Next {}

  /** Given up: the reason says why, for the condition and the Event. */
  public record DeadLettered(String reason, String message) implements Next {}

  /** Try again at {@code at}. */
  public record RetryAt(Instant at) implements Next {}

  /**
   * @param attempts attempts made so far, this one included
   * @param jitter a random number in [0, 1)
   */
  public Next after(
      DeliveryOutcome outcome, int attempts, String error, Instant now, double jitter) {
    return switch (outcome) {
      case Delivered -> new Delivered();
      case PermanentFailure ->
          new DeadLettered(
              "PermanentFailure", "the channel refused it, and retrying cannot help: " + error);
      case RetryableFailure ->
          attempts >= maxAttempts
              ? new DeadLettered(
                  "AttemptsExhausted",
                  "all " + maxAttempts + " attempts failed; the last: " + error)
              : new RetryAt(now.plus(backoff.delay(attempts, jitter)));
    };
  }

  /** When a notification finished at {@code finishedAt} is to be deleted. */
  public Instant deleteAt(Instant finishedAt) {
    return finishedAt.plus(retention);
  }
}
