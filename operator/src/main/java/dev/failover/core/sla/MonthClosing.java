package dev.failover.core.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each month that has ended since the last summary its final figures, once. A month ends at
 * 00:00 UTC on the first of the next; its outages are cut there exactly, the rest counting to the
 * next month.
 */
final class MonthClosing {
  private MonthClosing() {}

  /**
   * @param months the summaries so far, newest first
   * @param closed receives a {@link SlaMoment.MonthClosed} per month closed now
   * @return the summaries, newest first, with those closed now
   */
  static List<MonthSummary> close(
      Instant since,
      List<MonthSummary> months,
      List<DowntimeInterval> intervals,
      Instant now,
      List<SlaMoment> closed) {
    YearMonth current = SlaPeriods.monthOf(now);
    YearMonth month =
        months.isEmpty() ? SlaPeriods.monthOf(since) : months.get(0).month().plusMonths(1);
    List<MonthSummary> result = new ArrayList<>(months);
    DowntimeIntervals downtime = new DowntimeIntervals(intervals);
    for (; month.isBefore(current); month = month.plusMonths(1)) {
      Instant start = max(SlaPeriods.startOf(month), since);
      Instant end = SlaPeriods.endOf(month);
      MonthSummary summary =
          new MonthSummary(
              month, end.toEpochMilli() - start.toEpochMilli(), downtime.within(start, end, now));
      result.add(0, summary);
      closed.add(new SlaMoment.MonthClosed(summary));
    }
    return result;
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
