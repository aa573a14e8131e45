package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void stepsAFiveFieldExpressionInUtc() {
    CronSchedule mondays = CronSchedule.parse("0 3 * * 1");
    assertThat(mondays.next(at("2026-12-01T08:00:00Z"))).hasValue(at("2026-12-07T03:00:00Z"));
    assertThat(mondays.next(at("2026-12-07T03:00:00Z")))
        .as("strictly after")
        .hasValue(at("2026-12-14T03:00:00Z"));
  }

  @Test
  void macrosAreAccepted() {
    assertThat(CronSchedule.parse("@daily").next(at("2026-12-01T08:00:00Z")))
        .hasValue(at("2026-12-02T00:00:00Z"));
    assertThat(CronSchedule.parse("@HOURLY").next(at("2026-12-01T08:30:00Z")))
        .hasValue(at("2026-12-01T09:00:00Z"));
    assertThat(CronSchedule.parse("@monthly").next(at("2027-01-31T12:00:00Z")))
        .hasValue(at("2027-02-01T00:00:00Z"));
  }

  @Test
  void aBadExpressionSaysSo() {
    assertThatThrownBy(() -> CronSchedule.parse("every tuesday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'every tuesday' is not a five-field cron expression");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * * *"))
        .as("six fields (seconds) are Quartz, not cron")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingIsDueBeforeTheNextRun() {
    CronSchedule daily = CronSchedule.parse("0 3 * * *");
    assertThat(daily.due(at("2026-12-01T03:00:00Z"), at("2026-12-02T02:59:59Z"))).isEmpty();
    assertThat(daily.due(at("2026-12-01T03:00:00Z"), at("2026-12-02T03:00:00Z")))
        .hasValue(new CronSchedule.Due(at("2026-12-02T03:00:00Z"), 0));
  }

  @Test
  void runsMissedWhileDownAreOneRunOfTheLatestWithTheRestSkipped() {
    CronSchedule daily = CronSchedule.parse("0 3 * * *");
    // Down from the 1st's run until the 5th at noon: the 2nd, 3rd, 4th and 5th were missed.
    assertThat(daily.due(at("2026-12-01T03:00:00Z"), at("2026-12-05T12:00:00Z")))
        .hasValue(new CronSchedule.Due(at("2026-12-05T03:00:00Z"), 3));
  }

  @Test
  void aVeryLongOutageOfAFrequentScheduleStillAnswersTheLatest() {
    CronSchedule everyMinute = CronSchedule.parse("* * * * *");
    CronSchedule.Due due =
        everyMinute.due(at("2026-01-01T00:00:00Z"), at("2026-12-01T08:00:30Z")).orElseThrow();
    assertThat(due.scheduledFor()).isEqualTo(at("2026-12-01T08:00:00Z"));
    assertThat(due.skipped()).isGreaterThan(9_000);
  }
}
