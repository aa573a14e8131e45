package dev.failover.core.pool;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to stop retrying: over the last {@link #WINDOW} requests, retries may add at most {@code
 * percent} of them, and never fewer than {@code floor} (so a first failure can still be retried). A
 * pool that is down therefore costs its callers about {@code 1 + percent/100} tries per request,
 * not {@code 1 + maxRetries}. Not thread-safe: one probe loop, or one caller, owns it.
 */
public final class RetryBudget {
  /** Requests remembered; a window, not a rate, because probes come at a fixed interval. */
  public static final int WINDOW = 20;

  private final int percent;
  private final int floor;
  private final Deque<int[]> retriesPerRequest = new ArrayDeque<>();
  private int retriesInWindow;

  public RetryBudget(int percent, int floor) {
    if (percent < 0 || percent > 100 || floor < 0) {
      throw new IllegalArgumentException(
          "percent must be 0..100 and floor >= 0, were " + percent + " and " + floor);
    }
    this.percent = percent;
    this.floor = floor;
  }

  /** A new request (a first try) begins; the oldest beyond the window is forgotten. */
  public void request() {
    retriesPerRequest.addLast(new int[1]);
    if (retriesPerRequest.size() > WINDOW) {
      retriesInWindow -= retriesPerRequest.removeFirst()[0];
    }
  }

  /** Whether the current request may retry once more; if so, the retry is counted. */
  public boolean tryRetry() {
    if (retriesPerRequest.isEmpty() || retriesInWindow >= allowed()) {
      return false;
    }
    retriesPerRequest.peekLast()[0]++;
    retriesInWindow++;
    return true;
  }

  /** Retries the window allows now. */
  int allowed() {
    return Math.max(floor, retriesPerRequest.size() * percent / 100);
  }
}
