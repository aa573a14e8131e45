package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkDropScheduleTest {
  private static final Duration DROP = Duration.ofMillis(100);
  private static final Duration ANSWER = Duration.ofMillis(100);

  @Test
  void twoPercentOfProbesWaitingAHundredMillisecondsNeedACycleOfTenSeconds() {
    LinkDropSchedule schedule = LinkDropSchedule.forProbeFailures(2, DROP, ANSWER, 1);

    assertThat(schedule.meanQuiet()).isEqualTo(Duration.ofMillis(9_900));
    assertThat(schedule.expectedDrops(Duration.ofMinutes(10))).isCloseTo(60, within(1e-9));
  }

  @Test
  void quietTimesAreExponentialAroundTheirMean() {
    LinkDropSchedule schedule = LinkDropSchedule.forProbeFailures(2, DROP, ANSWER, 42);
    int draws = 20_000;
    double sum = 0;
    int longerThanMean = 0;
    for (int i = 0; i < draws; i++) {
      long millis = schedule.nextQuiet().toMillis();
      assertThat(millis).isNotNegative();
      sum += millis;
      longerThanMean += millis > 9_900 ? 1 : 0;
    }
    assertThat(sum / draws).isCloseTo(9_900, within(300.0));
    // An exponential exceeds its mean with probability 1/e.
    assertThat((double) longerThanMean / draws).isCloseTo(Math.exp(-1), within(0.02));
  }

  @Test
  void probesAtAFixedPaceLandInADropAtTheAskedShare() {
    LinkDropSchedule schedule = LinkDropSchedule.forProbeFailures(2, DROP, ANSWER, 7);
    long probeEvery = 2_000;
    long answer = ANSWER.toMillis();
    long end = 3_600_000L * 50;
    long probes = 0;
    long failed = 0;
    long dropStart = schedule.nextQuiet().toMillis();
    for (long probe = 0; probe < end; probe += probeEvery) {
      while (dropStart + DROP.toMillis() < probe) {
        dropStart += DROP.toMillis() + schedule.nextQuiet().toMillis();
      }
      probes++;
      // Sent during the drop, or still waiting for its answer when it starts.
      boolean hit = probe + answer >= dropStart && probe <= dropStart + DROP.toMillis();
      failed += hit ? 1 : 0;
    }
    assertThat(failed * 100.0 / probes).isCloseTo(2.0, within(0.15));
  }

  @Test
  void sameSeedSameDrops() {
    LinkDropSchedule one = LinkDropSchedule.forProbeFailures(2, DROP, ANSWER, 3);
    LinkDropSchedule other = LinkDropSchedule.forProbeFailures(2, DROP, ANSWER, 3);

    assertThat(one.nextQuiet()).isEqualTo(other.nextQuiet());
    assertThat(one.nextQuiet()).isEqualTo(other.nextQuiet());
  }

  @Test
  void refusesSharesThatCannotBeScheduled() {
    assertThatThrownBy(() -> LinkDropSchedule.forProbeFailures(0, DROP, ANSWER, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkDropSchedule.forProbeFailures(100, DROP, ANSWER, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkDropSchedule.forProbeFailures(2, Duration.ZERO, ANSWER, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
