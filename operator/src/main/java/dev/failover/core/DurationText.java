package dev.failover.core;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Writes durations the way people write them in status messages and Events: {@code 250ms}, {@code
 * 1.5s}, {@code 4s}, {@code 1m30s}, {@code 2h}. ISO-8601 ({@code PT1M30S}) is exact but hard to
 * read in {@code kubectl describe}. {@link #parse} reads the same form, which is how durations are
 * written in specs ({@code 2s}, {@code 1m30s}, {@code 500ms}).
 */
public final class DurationText {
  private DurationText() {}

  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

  /** Parses {@code 1h2m3.5s}-style text; the CRD schema already restricts specs to this form. */
  public static Duration parse(String text) {
    java.util.regex.Matcher part = PART.matcher(text);
    BigDecimal millis = BigDecimal.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      BigDecimal amount = new BigDecimal(part.group(1));
      long unitMillis =
          switch (part.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
          };
      millis = millis.add(amount.multiply(BigDecimal.valueOf(unitMillis)));
      end = part.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("not a duration such as 2s, 1m30s or 500ms: " + text);
    }
    return Duration.ofMillis(millis.longValue());
  }

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
