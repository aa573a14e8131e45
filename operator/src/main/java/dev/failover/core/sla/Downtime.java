package dev.failover.core.sla;

/**
 * Downtime within one period, in milliseconds: observed ({@code downMillis}) and not observed
 * ({@code unknownMillis}). Both count against availability; they are kept apart for the reader.
 */
public record Downtime(long downMillis, long unknownMillis) {
  public static final Downtime NONE = new Downtime(0, 0);

  public Downtime {
    if (downMillis < 0 || unknownMillis < 0) {
      throw new IllegalArgumentException("negative downtime");
    }
  }

  public long totalMillis() {
    return downMillis + unknownMillis;
  }
}
