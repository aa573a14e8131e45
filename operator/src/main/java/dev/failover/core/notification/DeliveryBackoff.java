package dev.failover.core.notification;

import java.time.Duration;

/**
 * How long to wait before the next attempt: exponential ({@code base × 2^(failures − 1)}, at most
 * {@code max}) with "equal jitter": a random half of it, so receivers coming back from an outage
 * are not hit by every sender at the same instant, while no wait drops below half its step.
 */
public record DeliveryBackoff(Duration base, Duration max) {
  public DeliveryBackoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max: " + base + ", " + max);
    }
  }

  /**
   * @param failures attempts failed so far, at least 1
   * @param jitter a random number in [0, 1)
   */
  public Duration delay(int failures, double jitter) {
    if (failures < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("failures >= 1 and jitter in [0, 1)");
    }
    // Shifting past 2^30 overflows; the cap is reached long before.
    long factor = 1L << Math.min(failures - 1, 30);
    long step = Math.min(max.toMillis(), saturatedMultiply(base.toMillis(), factor));
    return Duration.ofMillis(step / 2 + (long) ((step - step / 2) * jitter));
  }

  private static long saturatedMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }
}
