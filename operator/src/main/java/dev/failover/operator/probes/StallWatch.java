package dev.failover.operator.probes;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Notices the operator's own stalls: a daemon thread that sleeps {@link #TICK} at a time and
 * records every oversleep of more than {@link #NOTICEABLE} as a stall. Whatever keeps the process
 * from running (a collection that stops every thread, a machine whose CPUs are all taken, a
 * SIGSTOP) keeps this thread from waking too. One per process, started on first use.
 */
public final class StallWatch {
  static final Duration TICK = Duration.ofMillis(10);

  /** Oversleeping by less is the scheduler's ordinary jitter. */
  static final Duration NOTICEABLE = Duration.ofMillis(40);

  private static final StallRecord RECORD = new StallRecord(256);

  static {
    Thread watcher = new Thread(StallWatch::watch, "stall-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private StallWatch() {}

  /** The stalls of this process. */
  public static Stalls ofThisProcess() {
    return RECORD;
  }

  private static void watch() {
    while (true) {
      long parkedAt = System.nanoTime();
      LockSupport.parkNanos(TICK.toNanos());
      RECORD.woke(parkedAt, System.nanoTime(), TICK, NOTICEABLE);
    }
  }
}
