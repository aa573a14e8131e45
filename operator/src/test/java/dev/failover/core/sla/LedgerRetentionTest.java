package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerRetentionTest {
  private static DowntimeInterval down(String start, Duration length) {
    Instant from = Instant.parse(start);
    return new DowntimeInterval(from, from.plus(length), DowntimeKind.Down);
  }

  @Test
  void intervalsThePreviousMonthStillNeedsAreKeptOlderOnesGo() {
    Instant now = Instant.parse("2026-11-20T00:00:00Z");
    DowntimeInterval september = down("2026-09-30T23:00:00Z", Duration.ofMinutes(30));
    DowntimeInterval acrossIntoOctober = down("2026-09-30T23:50:00Z", Duration.ofMinutes(20));
    DowntimeInterval october = down("2026-10-02T00:00:00Z", Duration.ofMinutes(5));

    assertThat(LedgerRetention.intervalsToKeep(List.of(september, acrossIntoOctober, october), now))
        .containsExactly(acrossIntoOctober, october);
  }

  @Test
  void earlyInAMonthTheRollingWindowReachesFurtherBackThanThePreviousMonth() {
    Instant now = Instant.parse("2026-03-01T06:00:00Z"); // February had 28 days
    DowntimeInterval lateJanuary = down("2026-01-30T12:00:00Z", Duration.ofMinutes(5));

    assertThat(LedgerRetention.intervalsToKeep(List.of(lateJanuary), now))
        .containsExactly(lateJanuary);
  }

  @Test
  void anOpenIntervalIsAlwaysKept() {
    DowntimeInterval open =
        DowntimeInterval.open(Instant.parse("2026-01-01T00:00:00Z"), DowntimeKind.Down);

    assertThat(
            LedgerRetention.intervalsToKeep(List.of(open), Instant.parse("2026-11-20T00:00:00Z")))
        .containsExactly(open);
  }

  @Test
  void aFlappingWorkloadIsBoundedByJoiningTheClosestNeighboursConservatively() {
    Instant now = Instant.parse("2026-11-20T00:00:00Z");
    List<DowntimeInterval> flaps = new ArrayList<>();
    Instant at = Instant.parse("2026-11-19T00:00:00Z");
    for (int i = 0; i <= LedgerRetention.MAX_INTERVALS; i++) {
      // Gaps of 60 s, except one of 10 s after the 50th: that one is joined.
      Duration gap = i == 50 ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
      flaps.add(new DowntimeInterval(at, at.plusSeconds(5), DowntimeKind.Down));
      at = at.plusSeconds(5).plus(gap);
    }
    long before = new DowntimeIntervals(flaps).within(Instant.EPOCH, now, now).totalMillis();

    List<DowntimeInterval> kept = LedgerRetention.intervalsToKeep(flaps, now);

    assertThat(kept).hasSize(LedgerRetention.MAX_INTERVALS);
    assertThat(kept.get(50).end()).isEqualTo(flaps.get(51).end());
    assertThat(new DowntimeIntervals(kept).within(Instant.EPOCH, now, now).totalMillis())
        .isEqualTo(before + 10_000);
  }

  @Test
  void joiningAnUnknownAndADownIntervalCountsTheWholeAsDown() {
    Instant now = Instant.parse("2026-11-20T00:00:00Z");
    List<DowntimeInterval> flaps = new ArrayList<>();
    Instant at = Instant.parse("2026-11-19T00:00:00Z");
    for (int i = 0; i <= LedgerRetention.MAX_INTERVALS; i++) {
      DowntimeKind kind = i == 0 ? DowntimeKind.Unknown : DowntimeKind.Down;
      flaps.add(new DowntimeInterval(at, at.plusSeconds(5), kind));
      at = at.plusSeconds(i == 0 ? 6 : 60);
    }

    List<DowntimeInterval> kept = LedgerRetention.intervalsToKeep(flaps, now);

    assertThat(kept.get(0))
        .isEqualTo(
            new DowntimeInterval(flaps.get(0).start(), flaps.get(1).end(), DowntimeKind.Down));
  }

  @Test
  void thirteenMonthlySummariesAreKept() {
    List<MonthSummary> months = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      months.add(new MonthSummary(YearMonth.of(2026, 12).minusMonths(i), 1, Downtime.NONE));
    }

    assertThat(LedgerRetention.monthsToKeep(months))
        .hasSize(13)
        .first()
        .extracting(MonthSummary::month)
        .isEqualTo(YearMonth.of(2026, 12));
  }

  @Test
  void aLedgerObservedForYearsStaysBounded() {
    SlaLedger ledger = SlaLedger.NOT_STARTED;
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    java.math.BigDecimal sla = new java.math.BigDecimal("99.9");
    for (int hour = 0; hour < 24 * 365 * 2; hour++) {
      ledger =
          ledger.observe(hour % 7 == 0 ? ServiceState.Down : ServiceState.Up, now, sla).ledger();
      now = now.plus(Duration.ofMinutes(1));
      ledger = ledger.observe(ServiceState.Up, now, sla).ledger();
      now = now.plus(Duration.ofMinutes(59));
    }

    assertThat(ledger.intervals()).hasSizeLessThanOrEqualTo(LedgerRetention.MAX_INTERVALS);
    assertThat(ledger.months()).hasSize(13);
  }
}
