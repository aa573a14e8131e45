package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleWindowTest {
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(10);

  private static SampleWindow everySecond(int count, int startSecond) {
    SampleWindow window = SampleWindow.empty();
    for (int i = 0; i < count; i++) {
      window =
          window.plus(
              ProbeResult.succeeded(T0.plusSeconds(startSecond + i), Duration.ofMillis(i)), WINDOW);
    }
    return window;
  }

  @Test
  void keepsOnlyProbesWithinOneWindowOfTheNewest() {
    SampleWindow window = everySecond(30, 0);

    assertThat(window.samples()).hasSize(11);
    assertThat(window.samples().get(0).at()).isEqualTo(T0.plusSeconds(19));
    assertThat(window.newest().orElseThrow().at()).isEqualTo(T0.plusSeconds(29));
  }

  @Test
  void isFilledOnlyOnceProbesCoverAWholeWindow() {
    assertThat(everySecond(10, 0).isFilled(WINDOW)).as("0s..9s covers 9s").isFalse();
    assertThat(everySecond(11, 0).isFilled(WINDOW)).as("0s..10s covers 10s").isTrue();
  }

  @Test
  void staysFilledWithSparseProbesThatNeverLeaveAGap() {
    SampleWindow window = SampleWindow.empty();
    for (int second = 0; second <= 12; second += 3) {
      window = window.plus(ProbeResult.succeeded(T0.plusSeconds(second), Duration.ZERO), WINDOW);
    }

    assertThat(window.samples()).extracting(ProbeResult::at).first().isEqualTo(T0.plusSeconds(3));
    assertThat(window.isFilled(WINDOW)).isTrue();
  }

  @Test
  void gapLongerThanTheWindowStartsFillingAgain() {
    SampleWindow filled = everySecond(11, 0);

    SampleWindow afterGap =
        filled.plus(ProbeResult.succeeded(T0.plusSeconds(40), Duration.ZERO), WINDOW);

    assertThat(afterGap.samples()).hasSize(1);
    assertThat(afterGap.observedSince()).isEqualTo(T0.plusSeconds(40));
    assertThat(afterGap.isFilled(WINDOW)).isFalse();
  }

  @Test
  void probeExactlyOneWindowOldStaysInTheWindow() {
    SampleWindow window =
        SampleWindow.empty()
            .plus(ProbeResult.succeeded(T0, Duration.ZERO), WINDOW)
            .plus(ProbeResult.succeeded(T0.plus(WINDOW), Duration.ZERO), WINDOW);

    assertThat(window.samples()).hasSize(2);
    assertThat(window.isFilled(WINDOW)).isTrue();
  }

  @Test
  void errorRateCountsTimeoutsAndRefusalsAlike() {
    SampleWindow window =
        SampleWindow.empty()
            .plus(ProbeResult.succeeded(T0, Duration.ofMillis(10)), WINDOW)
            .plus(ProbeResult.timedOut(T0.plusSeconds(1), Duration.ofSeconds(1)), WINDOW)
            .plus(ProbeResult.refused(T0.plusSeconds(2), Duration.ofMillis(1)), WINDOW)
            .plus(ProbeResult.succeeded(T0.plusSeconds(3), Duration.ofMillis(30)), WINDOW);

    assertThat(window.errorRatePercent()).isEqualTo(50.0);
  }

  @Test
  void latencyIgnoresFailedProbes() {
    SampleWindow window =
        SampleWindow.empty()
            .plus(ProbeResult.succeeded(T0, Duration.ofMillis(300)), WINDOW)
            .plus(ProbeResult.refused(T0.plusSeconds(1), Duration.ofMillis(1)), WINDOW)
            .plus(ProbeResult.refused(T0.plusSeconds(2), Duration.ofMillis(1)), WINDOW);

    assertThat(window.latency().orElseThrow().p50()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void emptyWindowHasNoLatencyNoErrorsAndIsNotFilled() {
    SampleWindow empty = SampleWindow.empty();

    assertThat(empty.latency()).isEmpty();
    assertThat(empty.errorRatePercent()).isZero();
    assertThat(empty.isFilled(WINDOW)).isFalse();
    assertThat(empty.newest()).isEmpty();
  }

  @Test
  void holdsAtMostTheMemoryBoundEvenWithAVeryLongWindow() {
    Duration longWindow = Duration.ofDays(1);
    SampleWindow window = SampleWindow.empty();
    for (int i = 0; i < SampleWindow.MAX_SAMPLES + 10; i++) {
      window = window.plus(ProbeResult.succeeded(T0.plusSeconds(i), Duration.ZERO), longWindow);
    }

    assertThat(window.samples()).hasSize(SampleWindow.MAX_SAMPLES);
    assertThat(window.samples().get(0).at()).isEqualTo(T0.plusSeconds(10));
    assertThat(window.observedSince()).isEqualTo(T0);
  }
}
