package dev.failover.operator.probes;

import java.time.Duration;

/**
 * The last stalls noticed, as spans of {@link System#nanoTime} readings, and how much of a span
 * they covered. Pure and thread-safe; a fixed ring, so the oldest are forgotten first.
 */
final class StallRecord implements Stalls {
  private final long[] starts;
  private final long[] ends;
  private int next;
  private int size;

  StallRecord(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    starts = new long[capacity];
    ends = new long[capacity];
  }

  /**
   * A thread parked for {@code tick} at {@code parkedAt} woke at {@code wokeAt}: sleeping more than
   * {@code noticeable} past the tick is a stall, from when it should have woken.
   */
  void woke(long parkedAt, long wokeAt, Duration tick, Duration noticeable) {
    long due = parkedAt + tick.toNanos();
    if (wokeAt - due > noticeable.toNanos()) {
      stalled(due, wokeAt);
    }
  }

  synchronized void stalled(long startNanos, long endNanos) {
    if (endNanos - startNanos <= 0) {
      return;
    }
    starts[next] = startNanos;
    ends[next] = endNanos;
    next = (next + 1) % starts.length;
    size = Math.min(size + 1, starts.length);
  }

  @Override
  public synchronized Duration between(long fromNanos, long toNanos) {
    long covered = 0;
    for (int i = 0; i < size; i++) {
      // nanoTime values are compared by difference: they may wrap.
      long from = starts[i] - fromNanos > 0 ? starts[i] : fromNanos;
      long to = ends[i] - toNanos < 0 ? ends[i] : toNanos;
      if (to - from > 0) {
        covered += to - from;
      }
    }
    return Duration.ofNanos(covered);
  }
}
