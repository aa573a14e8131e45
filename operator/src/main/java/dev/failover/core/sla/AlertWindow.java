package dev.failover.core.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of the multi-window, multi-burn-rate table: it fires when the burn rate over both the
 * long and the short window is above {@code rate}. The long window makes one short blip too small
 * to fire; the short one stops the alert soon after the downtime ends.
 *
 * @param name how people and the status call it, e.g. {@code 1h/5m}
 */
public record AlertWindow(
    String name,
    AlertSeverity severity,
    Duration longWindow,
    Duration shortWindow,
    BigDecimal rate) {

  public boolean firesOn(DowntimeIntervals downtime, BigDecimal slaPercent, Instant now) {
    return burns(downtime, longWindow, slaPercent, now)
        && burns(downtime, shortWindow, slaPercent, now);
  }

  private boolean burns(
      DowntimeIntervals downtime, Duration window, BigDecimal slaPercent, Instant now) {
    long down = downtime.within(now.minus(window), now, now).totalMillis();
    return BurnRate.exceeds(down, window, slaPercent, rate);
  }
}
