package dev.failover.core.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The ledger's figures at one instant.
 *
 * @param rollingWindow availability over the last 30 days (or since the ledger started, if later)
 * @param monthToDate availability over the current month so far (UTC)
 * @param monthBudget the current month's error budget: the downtime the SLA allows over the whole
 *     month, and the month's downtime so far
 */
public record SlaFigures(
    YearMonth month,
    MeasuredAvailability rollingWindow,
    MeasuredAvailability monthToDate,
    ErrorBudget monthBudget) {

  static SlaFigures of(SlaLedger ledger, Instant now, BigDecimal slaPercent) {
    YearMonth month = SlaPeriods.monthOf(now);
    Instant monthStart = SlaPeriods.startOf(month);
    MeasuredAvailability rolling = measured(ledger, now.minus(SlaPeriods.ROLLING_WINDOW), now);
    MeasuredAvailability monthToDate = measured(ledger, monthStart, now);
    ErrorBudget budget =
        ErrorBudget.of(
            slaPercent,
            Duration.between(monthStart, SlaPeriods.endOf(month)),
            monthToDate.downtime().totalMillis());
    return new SlaFigures(month, rolling, monthToDate, budget);
  }

  private static MeasuredAvailability measured(SlaLedger ledger, Instant from, Instant now) {
    if (!ledger.started() || !ledger.since().isBefore(now)) {
      return new MeasuredAvailability(0, Downtime.NONE);
    }
    Instant start = MonthClosing.max(from, ledger.since());
    return new MeasuredAvailability(
        now.toEpochMilli() - start.toEpochMilli(), ledger.downtime().within(start, now, now));
  }
}
