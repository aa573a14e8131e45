package dev.failover.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures downtime within a period from intervals that may overlap (two failovers recorded over
 * the same minutes): the union is counted, never the sum, and where a Down and an Unknown interval
 * overlap the time is Down.
 */
public final class DowntimeIntervals {
  private final List<DowntimeInterval> intervals;

  public DowntimeIntervals(List<DowntimeInterval> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  /** The downtime within {@code [from, to)}; open intervals count up to {@code now}. */
  public Downtime within(Instant from, Instant to, Instant now) {
    if (!from.isBefore(to)) {
      return Downtime.NONE;
    }
    long all = unionMillis(clipped(from, to, now, null));
    long down = unionMillis(clipped(from, to, now, DowntimeKind.Down));
    return new Downtime(down, all - down);
  }

  /** The segments of the given kind (null: every kind) inside {@code [from, to)}, as millis. */
  private List<long[]> clipped(Instant from, Instant to, Instant now, DowntimeKind kind) {
    List<long[]> segments = new ArrayList<>();
    for (DowntimeInterval interval : intervals) {
      if (kind != null && interval.kind() != kind) {
        continue;
      }
      long start = Math.max(interval.start().toEpochMilli(), from.toEpochMilli());
      long end = Math.min(interval.endOr(now).toEpochMilli(), to.toEpochMilli());
      if (start < end) {
        segments.add(new long[] {start, end});
      }
    }
    return segments;
  }

  private static long unionMillis(List<long[]> segments) {
    segments.sort(Comparator.comparingLong(segment -> segment[0]));
    long total = 0;
    long coveredUntil = Long.MIN_VALUE;
    for (long[] segment : segments) {
      long start = Math.max(segment[0], coveredUntil);
      if (segment[1] > start) {
        total += segment[1] - start;
      }
      coveredUntil = Math.max(coveredUntil, segment[1]);
    }
    return total;
  }
}
