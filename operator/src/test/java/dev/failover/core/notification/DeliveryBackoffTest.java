package dev.failover.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {
  private final DeliveryBackoff backoff =
      new DeliveryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(10));

  @Test
  void eachFailureDoublesTheStepAndJitterPicksWithinItsUpperHalf() {
    assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(1, 0.999999))
        .isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
    assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(4, 0)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void theStepStopsAtTheMaximumAndNeverOverflows() {
    assertThat(backoff.delay(7, 0)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delay(20, 0)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delay(Integer.MAX_VALUE, 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> backoff.delay(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryBackoff(Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
