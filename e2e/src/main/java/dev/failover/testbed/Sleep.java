package dev.failover.testbed;

import java.time.Duration;

/** Sleeps while polling; an interrupt ends the sleep and stays set for the caller to see. */
public final class Sleep {
  private Sleep() {}

  public static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted", e);
    }
  }
}
