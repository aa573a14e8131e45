package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.DeliveryAttempt;
import dev.failover.api.v1alpha1.notification.NotificationPhase;
import dev.failover.api.v1alpha1.notification.NotificationStatus;
import dev.failover.core.notification.DeliveryRules.DeadLettered;
import dev.failover.core.notification.DeliveryRules.Delivered;
import dev.failover.core.notification.DeliveryRules.Next;
import dev.failover.core.notification.DeliveryRules.RetryAt;
import dev.failover.operator.notification.channels.DeliveryResult;
import dev.failover.operator.status.StatusConditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes an attempt and what follows it into a Notification's status. */
final class DeliveryProgress {
  private DeliveryProgress() {}

  static void record(
      NotificationStatus status,
      NotificationStatus stored,
      Long generation,
      DeliveryResult result,
      Next next,
      Instant now) {
    StatusConditions.observed(status, generation);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    DeliveryAttempt attempt = new DeliveryAttempt();
    attempt.setTime(time);
    attempt.setOutcome(result.outcome());
    attempt.setHttpStatus(result.httpStatus());
    attempt.setError(result.error());
    List<DeliveryAttempt> attempts =
        new ArrayList<>(status.getAttempts() == null ? List.of() : status.getAttempts());
    attempts.add(attempt);
    // The oldest go first; the rules dead-letter before the list is full.
    while (attempts.size() > NotificationStatus.ATTEMPTS_LIMIT) {
      attempts.remove(0);
    }
    status.setAttempts(attempts);
    if (next instanceof Delivered) {
      status.setPhase(NotificationPhase.Delivered);
      status.setDeliveredAt(time);
      status.setNextAttemptAt(null);
      StatusConditions.set(
          status, stored, ConditionTypes.READY, true, "Delivered", "the channel accepted it", now);
    } else if (next instanceof RetryAt retry) {
      String at = retry.at().truncatedTo(ChronoUnit.SECONDS).toString();
      status.setPhase(NotificationPhase.Pending);
      status.setNextAttemptAt(at);
      StatusConditions.set(
          status,
          stored,
          ConditionTypes.READY,
          false,
          "Retrying",
          "attempt " + attempts.size() + " failed: " + result.error() + "; next attempt at " + at,
          now);
    } else if (next instanceof DeadLettered dead) {
      status.setPhase(NotificationPhase.Failed);
      status.setNextAttemptAt(null);
      StatusConditions.set(
          status, stored, ConditionTypes.READY, false, "DeadLettered", dead.message(), now);
      StatusConditions.set(
          status, stored, ConditionTypes.DEAD_LETTERED, true, dead.reason(), dead.message(), now);
    }
  }

  /** When a finished notification finished: its delivery, or its last attempt. */
  static Instant finishedAt(NotificationStatus status, Instant fallback) {
    if (status.getDeliveredAt() != null) {
      return Instant.parse(status.getDeliveredAt());
    }
    List<DeliveryAttempt> attempts = status.getAttempts();
    return attempts == null || attempts.isEmpty()
        ? fallback
        : Instant.parse(attempts.get(attempts.size() - 1).getTime());
  }
}
