package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrownoutDetectorTest {
  private static final Instant T0 = ProbeFeed.T0;
  private final BrownoutDetector detector = new BrownoutDetector(ProbeFeed.THRESHOLDS);

  private static SampleWindow window(int seconds, ProbeOutcome outcome, Duration latency) {
    SampleWindow window = SampleWindow.empty();
    for (int i = 0; i <= seconds; i++) {
      window =
          window.plus(
              new ProbeResult(T0.plusSeconds(i), outcome, latency),
              ProbeFeed.THRESHOLDS.brownoutWindow());
    }
    return window;
  }

  @Test
  void unfilledWindowIsNeitherBrownoutNorCalm() {
    SampleWindow slow = window(5, ProbeOutcome.Succeeded, Duration.ofSeconds(1));
    SampleWindow fast = window(5, ProbeOutcome.Succeeded, Duration.ofMillis(1));

    assertThat(detector.brownout(slow)).isEmpty();
    assertThat(detector.withinRecoveryBand(fast)).isFalse();
  }

  @Test
  void windowWithoutAnySuccessIsNeverCalm() {
    SampleWindow failing = window(10, ProbeOutcome.TimedOut, Duration.ofSeconds(1));

    assertThat(detector.withinRecoveryBand(failing)).isFalse();
    assertThat(detector.brownout(failing))
        .as("failures still running are a blackout in the making, not a brownout")
        .isEmpty();
  }

  @Test
  void failuresEndedByAnAnswerCountTowardsTheErrorRate() {
    SampleWindow window = window(10, ProbeOutcome.Refused, Duration.ofMillis(2));
    window =
        window.plus(
            ProbeResult.succeeded(T0.plusSeconds(11), Duration.ofMillis(5)),
            ProbeFeed.THRESHOLDS.brownoutWindow());

    assertThat(detector.brownout(window)).hasValueSatisfying(why -> why.contains("error rate"));
  }

  @Test
  void latencyIsJudgedBeforeErrorRate() {
    SampleWindow window = SampleWindow.empty();
    for (int i = 0; i <= 10; i++) {
      ProbeResult probe =
          i % 2 == 0
              ? ProbeResult.succeeded(T0.plusSeconds(i), Duration.ofSeconds(2))
              : ProbeResult.refused(T0.plusSeconds(i), Duration.ZERO);
      window = window.plus(probe, ProbeFeed.THRESHOLDS.brownoutWindow());
    }

    assertThat(detector.brownout(window).orElseThrow()).startsWith("brownout: p50 latency 2s");
  }

  @Test
  void calmWindowIsNoBrownout() {
    SampleWindow calm = window(10, ProbeOutcome.Succeeded, Duration.ofMillis(100));

    assertThat(detector.brownout(calm)).isEmpty();
    assertThat(detector.withinRecoveryBand(calm)).isTrue();
  }
}
