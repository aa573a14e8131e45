package dev.failover.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void writesDurationsTheWayPeopleDo() {
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationText.format(Duration.ofNanos(500))).isEqualTo("<1ms");
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(DurationText.format(Duration.ofMillis(1250))).isEqualTo("1.25s");
    assertThat(DurationText.format(Duration.ofSeconds(4))).isEqualTo("4s");
    assertThat(DurationText.format(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMinutes(150))).isEqualTo("2h30m");
    assertThat(DurationText.format(Duration.ofSeconds(3601))).isEqualTo("1h1s");
    assertThat(DurationText.format(Duration.ofSeconds(-4))).isEqualTo("-4s");
  }
}
