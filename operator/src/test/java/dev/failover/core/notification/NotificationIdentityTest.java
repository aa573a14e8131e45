package dev.failover.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationIdentityTest {
  private static PolicyMoment moment(String namespace, String policy, String occurrence) {
    return new PolicyMoment(
        namespace,
        policy,
        NotificationEventType.FailoverStarted,
        Instant.parse("2026-11-23T10:42:00Z"),
        occurrence,
        Map.of());
  }

  @Test
  void theSameMomentAndChannelAlwaysNameTheSameNotification() {
    NotificationIdentity first = NotificationIdentity.of(moment("shop", "crm", "a-1"), "hook");
    NotificationIdentity again =
        NotificationIdentity.of(
            new PolicyMoment(
                "shop",
                "crm",
                NotificationEventType.FailoverStarted,
                Instant.parse("2030-01-01T00:00:00Z"),
                "a-1",
                Map.of("reason", "other text")),
            "hook");

    assertThat(again).isEqualTo(first);
    assertThat(first.name())
        .startsWith("crm-failoverstarted-")
        .hasSize("crm-failoverstarted-".length() + 16);
    assertThat(first.idempotencyKey()).isEqualTo(first.name());
  }

  @Test
  void anyPartOfTheTupleMakesADifferentNotification() {
    NotificationIdentity base = NotificationIdentity.of(moment("shop", "crm", "a-1"), "hook");

    assertThat(NotificationIdentity.of(moment("shop", "crm", "a-2"), "hook")).isNotEqualTo(base);
    assertThat(NotificationIdentity.of(moment("shop", "crm", "a-1"), "mail")).isNotEqualTo(base);
    assertThat(NotificationIdentity.of(moment("other", "crm", "a-1"), "hook")).isNotEqualTo(base);
    assertThat(NotificationIdentity.of(moment("shop", "crm2", "a-1"), "hook")).isNotEqualTo(base);
  }

  @Test
  void aLongPolicyNameStillGivesAValidName() {
    NotificationIdentity identity =
        NotificationIdentity.of(moment("shop", "p".repeat(253), "a-1"), "hook");

    assertThat(identity.name()).hasSizeLessThanOrEqualTo(253).matches(ValuePatterns.OBJECT_NAME);
    assertThat(identity.idempotencyKey()).matches(ValuePatterns.IDENTIFIER);
  }
}
