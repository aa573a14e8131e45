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

  @Test
  void readsDurationsAsSpecsWriteThem() {
    assertThat(DurationText.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationText.parse("1h1s")).isEqualTo(Duration.ofSeconds(3601));
  }

  @Test
  void readsBackWhatItWrites() {
    for (Duration duration :
        java.util.List.of(
            Duration.ofMillis(250),
            Duration.ofMillis(1250),
            Duration.ofSeconds(90),
            Duration.ofMinutes(150))) {
      assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
    }
  }

  @Test
  void rejectsTextThatIsNotADuration() {
    for (String text : java.util.List.of("", "2", "s", "2x", "2s ", "1m-3s", "PT2S")) {
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
          .isThrownBy(() -> DurationText.parse(text))
          .withMessageContaining("not a duration");
    }
  }
}
