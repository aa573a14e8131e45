package dev.failover.core;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Writes durations the way people write them in status messages and Events: {@code 250ms}, {@code
 * 1.5s}, {@code 4s}, {@code 1m30s}, {@code 2h}. ISO-8601 ({@code PT1M30S}) is exact but hard to
 * read in {@code kubectl describe}.
 */
public final class DurationText {
  private DurationText() {}

  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "<1ms";
    }
    if (millis < 1_000) {
      return millis + "ms";
    }
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long secondsInMillis = millis % 60_000;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (secondsInMillis > 0) {
      text.append(BigDecimal.valueOf(secondsInMillis, 3).stripTrailingZeros().toPlainString())
          .append('s');
    }
    return text.toString();
  }
}
