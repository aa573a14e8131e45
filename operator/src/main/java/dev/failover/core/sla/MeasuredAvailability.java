package dev.failover.core.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Availability over one period, from whole milliseconds: {@code (period - downtime) / period}.
 * Comparisons against a percentage are exact; only the figures shown to people are rounded, and
 * always down, so a breach never reads as "99.900 %" against an SLA of 99.9.
 *
 * @param periodMillis how long the period was measured (a period not measured at all is 100 %)
 */
public record MeasuredAvailability(long periodMillis, Downtime downtime) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public MeasuredAvailability {
    if (periodMillis < 0) {
      throw new IllegalArgumentException("negative period");
    }
    if (downtime.totalMillis() > periodMillis) {
      throw new IllegalArgumentException("more downtime than period");
    }
  }

  public long availableMillis() {
    return periodMillis - downtime.totalMillis();
  }

  /** In percent, to 6 decimal places, rounded down. */
  public BigDecimal percent() {
    if (periodMillis == 0) {
      return HUNDRED.setScale(6);
    }
    return BigDecimal.valueOf(availableMillis())
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(periodMillis), 6, RoundingMode.DOWN);
  }

  /** In percent for people, with 3 decimals, rounded down: "99.861". */
  public String percentText() {
    return percent().setScale(3, RoundingMode.DOWN).toPlainString();
  }

  /** As a ratio 0..1, for metrics. */
  public double ratio() {
    return percent().movePointLeft(2).doubleValue();
  }

  /** Exactly: is availability strictly below {@code percent}? */
  public boolean isBelow(BigDecimal percent) {
    if (periodMillis == 0) {
      return false;
    }
    return BigDecimal.valueOf(availableMillis())
            .multiply(HUNDRED)
            .compareTo(percent.multiply(BigDecimal.valueOf(periodMillis)))
        < 0;
  }
}
