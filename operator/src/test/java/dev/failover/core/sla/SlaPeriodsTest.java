package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaPeriodsTest {
  @ParameterizedTest(name = "{0} has {1} days")
  @CsvSource({
    "2026-02, 28",
    "2027-02, 28",
    "2028-02, 29",
    "2100-02, 28", // divisible by 100, not by 400: not a leap year
    "2000-02, 29",
    "2026-04, 30",
    "2026-11, 30",
    "2026-12, 31",
    "2026-01, 31"
  })
  void aMonthIsItsCalendarLengthInUtc(String month, int days) {
    YearMonth yearMonth = YearMonth.parse(month);

    assertThat(Duration.between(SlaPeriods.startOf(yearMonth), SlaPeriods.endOf(yearMonth)))
        .isEqualTo(Duration.ofDays(days));
  }

  @Test
  void monthsStartAtMidnightUtc() {
    assertThat(SlaPeriods.startOf(YearMonth.of(2026, 11)))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(SlaPeriods.monthOf(Instant.parse("2026-10-31T23:59:59.999Z")))
        .isEqualTo(YearMonth.of(2026, 10));
    assertThat(SlaPeriods.monthOf(Instant.parse("2026-11-01T00:00:00Z")))
        .isEqualTo(YearMonth.of(2026, 11));
  }

  @Test
  void aMonthWithABerlinDaylightSavingChangeIsStillExactly31Days() {
    // Berlin's clocks went back an hour on 2026-10-25; in Berlin, October lasted 31 days + 1 h.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Duration inBerlin =
        Duration.between(
            ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, berlin),
            ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, berlin));
    assertThat(inBerlin).isEqualTo(Duration.ofDays(31).plusHours(1));

    assertThat(
            Duration.between(
                SlaPeriods.startOf(YearMonth.of(2026, 10)),
                SlaPeriods.endOf(YearMonth.of(2026, 10))))
        .isEqualTo(Duration.ofDays(31));
  }
}
