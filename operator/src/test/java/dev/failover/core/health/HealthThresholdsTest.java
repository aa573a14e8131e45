package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthThresholdsTest {

  private static HealthThresholds with(
      int failures, int recoveries, long latencyMillis, int errorPercent, int bandPercent) {
    return new HealthThresholds(
        failures,
        recoveries,
        Duration.ofMillis(latencyMillis),
        errorPercent,
        Duration.ofSeconds(10),
        bandPercent,
        Duration.ofSeconds(30));
  }

  @Test
  void recoveryBandIsThePercentageOfEachThreshold() {
    HealthThresholds thresholds = with(3, 2, 250, 20, 80);

    assertThat(thresholds.latencyRecoveryBand()).isEqualTo(Duration.ofMillis(200));
    assertThat(thresholds.errorRateRecoveryBand()).isEqualTo(16.0);
  }

  @Test
  void rejectsCountsBelowOneNamingTheField() {
    assertThatThrownBy(() -> with(0, 2, 200, 20, 80))
        .hasMessage("failureThreshold must be at least 1, was 0");
    assertThatThrownBy(() -> with(3, 0, 200, 20, 80))
        .hasMessage("recoveryThreshold must be at least 1, was 0");
  }

  @Test
  void rejectsPercentagesOutOfRange() {
    assertThatThrownBy(() -> with(3, 2, 200, 101, 80))
        .hasMessage("brownoutErrorRatePercent must be in 0..100, was 101");
    assertThatThrownBy(() -> with(3, 2, 200, 20, 0))
        .hasMessage("brownoutRecoveryPercent must be in 1..100, was 0");
  }

  @Test
  void rejectsNonPositiveLatencyAndWindow() {
    assertThatThrownBy(() -> with(3, 2, 0, 20, 80))
        .hasMessage("brownoutLatency must be positive, was PT0S");
    assertThatThrownBy(
            () ->
                new HealthThresholds(
                    3, 2, Duration.ofMillis(1), 20, Duration.ZERO, 80, Duration.ZERO))
        .hasMessage("brownoutWindow must be positive, was PT0S");
  }

  @Test
  void allowsAZeroProbationButNotANegativeOne() {
    assertThat(
            new HealthThresholds(
                    3, 2, Duration.ofMillis(1), 0, Duration.ofSeconds(1), 100, Duration.ZERO)
                .probationDuration())
        .isZero();
    assertThatThrownBy(
            () ->
                new HealthThresholds(
                    3,
                    2,
                    Duration.ofMillis(1),
                    0,
                    Duration.ofSeconds(1),
                    100,
                    Duration.ofSeconds(-1)))
        .hasMessageContaining("probationDuration must not be negative");
  }
}
