package dev.failover.core.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How fast downtime spends the error budget: the downtime's share of a window divided by the share
 * the SLA allows. A burn rate of 1 spends exactly the budget over the SLA period; 14.4 spends a
 * 30-day budget's 2 % in one hour.
 */
public final class BurnRate {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private BurnRate() {}

  /** Exactly: is {@code (down / window) / (1 - sla/100)} strictly above {@code rate}? */
  public static boolean exceeds(
      long downMillis, Duration window, BigDecimal slaPercent, BigDecimal rate) {
    BigDecimal allowedShare = HUNDRED.subtract(slaPercent);
    // down * 100 > rate * window * (100 - sla), which also holds for an SLA of 100 % when any
    // downtime at all is seen.
    return BigDecimal.valueOf(downMillis)
            .multiply(HUNDRED)
            .compareTo(rate.multiply(BigDecimal.valueOf(window.toMillis())).multiply(allowedShare))
        > 0;
  }

  /**
   * The burn rate, to 2 decimals rounded down; for people and metrics. Infinite budget spend of a
   * 100 % SLA reads as {@code null}.
   */
  public static BigDecimal of(long downMillis, Duration window, BigDecimal slaPercent) {
    BigDecimal allowed =
        HUNDRED.subtract(slaPercent).multiply(BigDecimal.valueOf(window.toMillis()));
    if (allowed.signum() == 0) {
      return downMillis == 0 ? BigDecimal.ZERO.setScale(2) : null;
    }
    return BigDecimal.valueOf(downMillis).multiply(HUNDRED).divide(allowed, 2, RoundingMode.DOWN);
  }
}
