package dev.failover.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.core.notification.DeliveryRules.DeadLettered;
import dev.failover.core.notification.DeliveryRules.Delivered;
import dev.failover.core.notification.DeliveryRules.RetryAt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:42:00Z");
  private final DeliveryRules rules =
      new DeliveryRules(
          3,
          new DeliveryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5)),
          Duration.ofDays(7));

  @Test
  void anAcceptedAttemptIsDelivered() {
    assertThat(rules.after(DeliveryOutcome.Delivered, 3, null, NOW, 0)).isEqualTo(new Delivered());
  }

  @Test
  void aRetryableFailureIsTriedAgainAfterTheBackoff() {
    assertThat(rules.after(DeliveryOutcome.RetryableFailure, 1, "refused", NOW, 0))
        .isEqualTo(new RetryAt(NOW.plusSeconds(5)));
    assertThat(rules.after(DeliveryOutcome.RetryableFailure, 2, "refused", NOW, 0))
        .isEqualTo(new RetryAt(NOW.plusSeconds(10)));
  }

  @Test
  void theLastAllowedFailureDeadLettersIt() {
    assertThat(rules.after(DeliveryOutcome.RetryableFailure, 3, "HTTP 503", NOW, 0))
        .isEqualTo(
            new DeadLettered("AttemptsExhausted", "all 3 attempts failed; the last: HTTP 503"));
  }

  @Test
  void aPermanentFailureDeadLettersItAtOnce() {
    assertThat(rules.after(DeliveryOutcome.PermanentFailure, 1, "HTTP 400", NOW, 0))
        .isInstanceOf(DeadLettered.class)
        .extracting(next -> ((DeadLettered) next).reason())
        .isEqualTo("PermanentFailure");
  }

  @Test
  void aFinishedNotificationIsDeletedAfterTheRetention() {
    assertThat(rules.deleteAt(NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void attemptsAreBoundedByWhatTheStatusKeeps() {
    assertThatThrownBy(() -> new DeliveryRules(21, rules.backoff(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryRules(0, rules.backoff(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
