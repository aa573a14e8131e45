package dev.failover.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the persisted ledger bounded: the intervals the current and previous calendar month and the
 * rolling window need, at most {@link #MAX_INTERVALS} of them, and {@link #MAX_MONTHS} monthly
 * summaries.
 */
final class LedgerRetention {
  static final int MAX_INTERVALS = 100;
  static final int MAX_MONTHS = 13;

  private LedgerRetention() {}

  /**
   * Drops intervals that ended before both the previous month and the rolling window began. Past
   * {@link #MAX_INTERVALS} (a flapping workload), the two neighbours with the shortest time between
   * them are joined, counting that time as down: conservative, never in the provider's favour.
   */
  static List<DowntimeInterval> intervalsToKeep(List<DowntimeInterval> intervals, Instant now) {
    Instant previousMonth = SlaPeriods.startOf(SlaPeriods.monthOf(now).minusMonths(1));
    Instant window = now.minus(SlaPeriods.ROLLING_WINDOW);
    Instant keepFrom = previousMonth.isBefore(window) ? previousMonth : window;
    List<DowntimeInterval> kept = new ArrayList<>();
    for (DowntimeInterval interval : intervals) {
      if (interval.endOr(now).isAfter(keepFrom)) {
        kept.add(interval);
      }
    }
    while (kept.size() > MAX_INTERVALS) {
      joinClosestNeighbours(kept);
    }
    return kept;
  }

  static List<MonthSummary> monthsToKeep(List<MonthSummary> newestFirst) {
    return newestFirst.size() <= MAX_MONTHS ? newestFirst : newestFirst.subList(0, MAX_MONTHS);
  }

  private static void joinClosestNeighbours(List<DowntimeInterval> intervals) {
    int best = 0;
    long bestGap = Long.MAX_VALUE;
    for (int i = 0; i + 1 < intervals.size(); i++) {
      DowntimeInterval earlier = intervals.get(i);
      if (earlier.isOpen()) {
        continue;
      }
      long gap = intervals.get(i + 1).start().toEpochMilli() - earlier.end().toEpochMilli();
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    DowntimeInterval earlier = intervals.get(best);
    DowntimeInterval later = intervals.remove(best + 1);
    DowntimeKind kind =
        earlier.kind() == DowntimeKind.Down || later.kind() == DowntimeKind.Down
            ? DowntimeKind.Down
            : DowntimeKind.Unknown;
    intervals.set(best, new DowntimeInterval(earlier.start(), later.end(), kind));
  }
}
