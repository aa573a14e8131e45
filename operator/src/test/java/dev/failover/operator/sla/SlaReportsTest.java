package dev.failover.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.core.sla.CreditDue;
import dev.failover.core.sla.Downtime;
import dev.failover.core.sla.DowntimeInterval;
import dev.failover.core.sla.DowntimeKind;
import dev.failover.core.sla.ErrorBudget;
import dev.failover.core.sla.MeasuredAvailability;
import dev.failover.core.sla.SlaPeriods;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaReportsTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final BigDecimal SLA = new BigDecimal("99.9");

  private static FailoverRecord failover(String detectedAt, long rtoMillis) {
    FailoverRecord record = new FailoverRecord();
    record.setFrom("toronto");
    record.setTo("chicago");
    record.setDetectedAt(detectedAt);
    record.setMeasuredRtoMillis(rtoMillis);
    return record;
  }

  /** November 2026 with two outages: one crossing into the month, one with a failover. */
  static SlaReport november() {
    List<DowntimeInterval> intervals =
        List.of(
            new DowntimeInterval(
                Instant.parse("2026-10-31T23:58:00Z"),
                Instant.parse("2026-11-01T00:03:00Z"),
                DowntimeKind.Unknown),
            new DowntimeInterval(
                Instant.parse("2026-11-23T14:02:05Z"),
                Instant.parse("2026-11-23T14:46:17Z"),
                DowntimeKind.Down));
    long down = Duration.ofMinutes(44).plusSeconds(12).toMillis();
    long unknown = Duration.ofMinutes(3).toMillis();
    MeasuredAvailability availability =
        new MeasuredAvailability(Duration.ofDays(30).toMillis(), new Downtime(down, unknown));
    return SlaReport.of(
        "shop",
        "crm",
        NOVEMBER,
        SlaPeriods.startOf(NOVEMBER),
        SlaPeriods.endOf(NOVEMBER),
        null,
        SLA,
        availability,
        ErrorBudget.of(SLA, Duration.ofDays(30), down + unknown),
        Optional.of(new CreditDue(new BigDecimal("99.9"), BigDecimal.TEN, "Discount")),
        intervals,
        List.of(failover("2026-11-23T14:02:08Z", 8_412)));
  }

  @Test
  void theReportSaysTheAvailabilityTheMinutesDownAndTheCredit() {
    String markdown = new SlaReports(null).render(november());

    assertThat(markdown)
        .startsWith("# SLA report: shop/crm, 2026-11")
        .contains("Final figures for the whole month")
        .contains("| Availability | **99.890 %** |")
        .contains("| Minutes down | 47.2 (of which 3.0 not observed, counted as down) |")
        .contains("| Error budget for the month | 43m12s allowed; overspent by 4m |")
        .contains("| Credit due | 10 % Discount (availability below 99.9 %) |");
  }

  @Test
  void eachOutageIsListedCutAtTheMonthWithTheRtoOfItsFailover() {
    String markdown = new SlaReports(null).render(november());

    assertThat(markdown)
        .contains("| 2026-11-01 00:00:00 | 2026-11-01 00:03:00 | 3m | unknown (not observed) | – |")
        .contains(
            "| 2026-11-23 14:02:05 | 2026-11-23 14:46:17 | 44m12s | down | 8.412s (toronto → chicago) |");
  }

  @Test
  void aMonthWithoutOutagesSaysSo() {
    SlaReport quiet =
        SlaReport.of(
            "shop",
            "crm",
            NOVEMBER,
            SlaPeriods.startOf(NOVEMBER),
            SlaPeriods.endOf(NOVEMBER),
            Instant.parse("2026-11-20T08:00:00.123Z"),
            SLA,
            new MeasuredAvailability(1000, Downtime.NONE),
            ErrorBudget.of(SLA, Duration.ofDays(30), 0),
            Optional.empty(),
            List.of(),
            List.of());

    assertThat(new SlaReports(null).render(quiet))
        .contains("Month to date, as of 2026-11-20 08:00:00 UTC")
        .contains("| Credit due | none |")
        .contains("None.");
  }

  @Test
  void aMonthToDateReportIsRewrittenWhenAnOutageEndsNotWhileItsMinutesGrow() {
    SlaReport earlier = ongoing(Instant.parse("2026-11-23T14:10:00Z"));
    SlaReport later = ongoing(Instant.parse("2026-11-23T14:20:00Z"));
    SlaReport ended = ongoing(Instant.parse("2026-11-23T14:46:18Z"));

    assertThat(later.minutesDown()).isNotEqualTo(earlier.minutesDown());
    assertThat(later.substance()).isEqualTo(earlier.substance());
    assertThat(ended.substance()).isNotEqualTo(earlier.substance());
  }

  /** November as seen at {@code asOf}, with an outage from 14:02:05 that ends at 14:46:17. */
  private static SlaReport ongoing(Instant asOf) {
    Instant start = Instant.parse("2026-11-23T14:02:05Z");
    Instant end = Instant.parse("2026-11-23T14:46:17Z");
    DowntimeInterval outage =
        asOf.isAfter(end)
            ? new DowntimeInterval(start, end, DowntimeKind.Down)
            : DowntimeInterval.open(start, DowntimeKind.Down);
    long down = Duration.between(start, asOf.isAfter(end) ? end : asOf).toMillis();
    long measured = Duration.between(SlaPeriods.startOf(NOVEMBER), asOf).toMillis();
    return SlaReport.of(
        "shop",
        "crm",
        NOVEMBER,
        SlaPeriods.startOf(NOVEMBER),
        SlaPeriods.endOf(NOVEMBER),
        asOf,
        SLA,
        new MeasuredAvailability(measured, new Downtime(down, 0)),
        ErrorBudget.of(SLA, Duration.ofDays(30), down),
        Optional.empty(),
        List.of(outage),
        List.of());
  }

  @Test
  void theConfigMapIsNamedAfterThePolicyAndTheMonth() {
    assertThat(SlaReports.name("crm", "2026-11")).isEqualTo("crm-sla-2026-11");
    assertThat(SlaReports.name("p".repeat(253), "2026-11"))
        .hasSizeLessThanOrEqualTo(253)
        .endsWith("-sla-2026-11");
  }
}
