package dev.failover.core.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of downtime, {@code [start, end)} in UTC.
 *
 * @param end null while the outage goes on; it then counts up to the time of the question
 */
public record DowntimeInterval(Instant start, Instant end, DowntimeKind kind) {
  public DowntimeInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(kind, "kind");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("interval ends " + end + " before it starts " + start);
    }
  }

  public static DowntimeInterval open(Instant start, DowntimeKind kind) {
    return new DowntimeInterval(start, null, kind);
  }

  public boolean isOpen() {
    return end == null;
  }

  /** The end, or {@code now} for an outage still going on (never before its start). */
  public Instant endOr(Instant now) {
    return end != null ? end : now.isBefore(start) ? start : now;
  }

  public DowntimeInterval closedAt(Instant at) {
    return new DowntimeInterval(start, at.isBefore(start) ? start : at, kind);
  }

  public Optional<Instant> endIfClosed() {
    return Optional.ofNullable(end);
  }
}
