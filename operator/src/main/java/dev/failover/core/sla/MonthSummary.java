package dev.failover.core.sla;

import java.time.YearMonth;

/**
 * The final figures of one calendar month (UTC).
 *
 * @param measuredMillis the part of the month the ledger covered: all of it, or from the day the
 *     workload first served
 */
public record MonthSummary(YearMonth month, long measuredMillis, Downtime downtime) {
  public MeasuredAvailability availability() {
    return new MeasuredAvailability(measuredMillis, downtime);
  }
}
