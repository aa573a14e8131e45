package dev.failover.core.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SRE workbook's recommended alerting on SLOs ("Alerting on SLOs", ch. 5, approach 6) for a
 * 30-day budget: page when 2 % of it burns in an hour or 5 % in six hours, ticket when 10 % burns
 * in three days.
 */
public final class BurnRateAlerts {
  public static final List<AlertWindow> TABLE =
      List.of(
          new AlertWindow(
              "1h/5m",
              AlertSeverity.Page,
              Duration.ofHours(1),
              Duration.ofMinutes(5),
              new BigDecimal("14.4")),
          new AlertWindow(
              "6h/30m",
              AlertSeverity.Page,
              Duration.ofHours(6),
              Duration.ofMinutes(30),
              BigDecimal.valueOf(6)),
          new AlertWindow(
              "3d/6h",
              AlertSeverity.Ticket,
              Duration.ofDays(3),
              Duration.ofHours(6),
              BigDecimal.ONE));

  private BurnRateAlerts() {}

  /** The first row of the table (pages before tickets) that fires now, if any. */
  public static Optional<AlertWindow> firing(
      DowntimeIntervals downtime, BigDecimal slaPercent, java.time.Instant now) {
    return TABLE.stream().filter(row -> row.firesOn(downtime, slaPercent, now)).findFirst();
  }

  /** The row of the table with this name. */
  public static Optional<AlertWindow> named(String name) {
    return TABLE.stream().filter(row -> row.name().equals(name)).findFirst();
  }
}
