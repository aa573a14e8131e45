package dev.failover.core.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The downtime an SLA allows over a period, {@code (1 - sla/100) * period}, rounded down to the
 * millisecond, and how much of it is spent.
 */
public record ErrorBudget(long allowedMillis, long spentMillis) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static ErrorBudget of(BigDecimal slaPercent, Duration period, long spentMillis) {
    return new ErrorBudget(allowedMillis(slaPercent, period.toMillis()), spentMillis);
  }

  static long allowedMillis(BigDecimal slaPercent, long periodMillis) {
    return HUNDRED
        .subtract(slaPercent)
        .multiply(BigDecimal.valueOf(periodMillis))
        .divide(HUNDRED, 0, RoundingMode.DOWN)
        .longValueExact();
  }

  /** Negative once the budget is overspent. */
  public long remainingMillis() {
    return allowedMillis - spentMillis;
  }

  /** Whole seconds left, rounded towards zero; negative once overspent. */
  public long remainingSeconds() {
    return remainingMillis() / 1000;
  }

  /**
   * The share of the budget still unspent, in percent (2 decimals, rounded down); negative once
   * overspent. An SLA of 100 % has no budget: 0 while nothing is spent, else -100 per lost ms.
   */
  public BigDecimal remainingPercent() {
    if (allowedMillis == 0) {
      return spentMillis == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(-100);
    }
    return BigDecimal.valueOf(remainingMillis())
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(allowedMillis), 2, RoundingMode.FLOOR);
  }
}
