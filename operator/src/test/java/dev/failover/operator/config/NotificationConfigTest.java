package dev.failover.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationConfigTest {
  @Test
  void defaultsAreTwelveAttemptsFromTenSecondsToAnHourKeptAWeek() {
    NotificationConfig config = NotificationConfig.defaults();

    assertThat(config.rules().maxAttempts()).isEqualTo(12);
    assertThat(config.rules().backoff().base()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.rules().backoff().max()).isEqualTo(Duration.ofHours(1));
    assertThat(config.rules().retention()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void everySettingIsReadFromItsVariable() {
    NotificationConfig config =
        NotificationConfig.fromEnvironment(
            Map.of(
                "FAILOVER_NOTIFICATION_MAX_ATTEMPTS", "3",
                "FAILOVER_NOTIFICATION_BACKOFF_BASE", "500ms",
                "FAILOVER_NOTIFICATION_BACKOFF_MAX", "2s",
                "FAILOVER_NOTIFICATION_RETENTION", "30s"));

    assertThat(config.rules().maxAttempts()).isEqualTo(3);
    assertThat(config.rules().backoff().base()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.rules().backoff().max()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.rules().retention()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aWrongSettingNamesItsVariable() {
    assertThatThrownBy(
            () ->
                NotificationConfig.fromEnvironment(
                    Map.of("FAILOVER_NOTIFICATION_MAX_ATTEMPTS", "21")))
        .hasMessageContaining(
            "FAILOVER_NOTIFICATION_MAX_ATTEMPTS must be a whole number from 1 to 20");
    assertThatThrownBy(
            () ->
                NotificationConfig.fromEnvironment(
                    Map.of("FAILOVER_NOTIFICATION_RETENTION", "1 week")))
        .hasMessageContaining("FAILOVER_NOTIFICATION_RETENTION must be a positive duration");
    assertThatThrownBy(
            () ->
                NotificationConfig.fromEnvironment(
                    Map.of(
                        "FAILOVER_NOTIFICATION_BACKOFF_BASE", "2m",
                        "FAILOVER_NOTIFICATION_BACKOFF_MAX", "1m")))
        .hasMessageContaining("FAILOVER_NOTIFICATION_BACKOFF_MAX must not be shorter");
  }
}
