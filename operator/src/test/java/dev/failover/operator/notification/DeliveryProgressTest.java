package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.api.v1alpha1.notification.NotificationPhase;
import dev.failover.api.v1alpha1.notification.NotificationStatus;
import dev.failover.core.notification.DeliveryRules.DeadLettered;
import dev.failover.core.notification.DeliveryRules.Delivered;
import dev.failover.core.notification.DeliveryRules.RetryAt;
import dev.failover.operator.notification.channels.DeliveryResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryProgressTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:42:00.250Z");

  @Test
  void aFailedAttemptIsRecordedAndTheNextOneScheduled() {
    NotificationStatus status = new NotificationStatus();

    DeliveryProgress.record(
        status,
        null,
        1L,
        DeliveryResult.retryable(503, "https://hooks.example answered HTTP 503"),
        new RetryAt(NOW.plusSeconds(10)),
        NOW);

    assertThat(status.getPhase()).isEqualTo(NotificationPhase.Pending);
    assertThat(status.getNextAttemptAt()).isEqualTo("2026-11-23T10:42:10Z");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getAttempts()).hasSize(1);
    assertThat(status.getAttempts().get(0).getOutcome())
        .isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(status.getAttempts().get(0).getHttpStatus()).isEqualTo(503);
    assertThat(status.getAttempts().get(0).getTime()).isEqualTo("2026-11-23T10:42:00Z");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getMessage())
        .isEqualTo(
            "attempt 1 failed: https://hooks.example answered HTTP 503; next attempt at"
                + " 2026-11-23T10:42:10Z");
    assertThat(status.condition(ConditionTypes.DEAD_LETTERED)).isEmpty();
  }

  @Test
  void aDeliveryEndsThePendingState() {
    NotificationStatus status = new NotificationStatus();
    status.setNextAttemptAt("2026-11-23T10:42:00Z");

    DeliveryProgress.record(status, null, 1L, DeliveryResult.delivered(204), new Delivered(), NOW);

    assertThat(status.getPhase()).isEqualTo(NotificationPhase.Delivered);
    assertThat(status.getDeliveredAt()).isEqualTo("2026-11-23T10:42:00Z");
    assertThat(status.getNextAttemptAt()).isNull();
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(DeliveryProgress.finishedAt(status, Instant.EPOCH))
        .isEqualTo(Instant.parse("2026-11-23T10:42:00Z"));
  }

  @Test
  void aDeadLetterHasItsConditionAndKeepsEveryAttempt() {
    NotificationStatus status = new NotificationStatus();
    for (int i = 0; i < 25; i++) {
      DeliveryProgress.record(
          status,
          null,
          1L,
          DeliveryResult.retryable(null, "refused"),
          new RetryAt(NOW.plusSeconds(1)),
          NOW.plusSeconds(i));
    }

    DeliveryProgress.record(
        status,
        null,
        1L,
        DeliveryResult.retryable(null, "refused"),
        new DeadLettered("AttemptsExhausted", "all 26 attempts failed; the last: refused"),
        NOW.plusSeconds(30));

    assertThat(status.getPhase()).isEqualTo(NotificationPhase.Failed);
    assertThat(status.getAttempts()).hasSize(NotificationStatus.ATTEMPTS_LIMIT);
    assertThat(status.condition(ConditionTypes.DEAD_LETTERED).orElseThrow().getReason())
        .isEqualTo("AttemptsExhausted");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getReason())
        .isEqualTo("DeadLettered");
    assertThat(DeliveryProgress.finishedAt(status, Instant.EPOCH))
        .isEqualTo(Instant.parse("2026-11-23T10:42:30Z"));
  }
}
