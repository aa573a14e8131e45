package dev.failover.operator.probes;

import java.time.Duration;

/**
 * How long the operator itself could not run in a span of {@link System#nanoTime} readings: a
 * stop-the-world collection, a starved CPU, a frozen process. A probe that timed out while the
 * operator stalled says nothing about the data center: its answer may have been waiting, unread.
 */
@FunctionalInterface
public interface Stalls {
  /** For tests and callers that cannot stall. */
  Stalls NONE = (fromNanos, toNanos) -> Duration.ZERO;

  Duration between(long fromNanos, long toNanos);
}
