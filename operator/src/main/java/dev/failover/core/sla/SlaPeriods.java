package dev.failover.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The periods availability is measured over, all in UTC: calendar months and a rolling window. */
public final class SlaPeriods {
  /** The rolling window: the last 30 days. */
  public static final Duration ROLLING_WINDOW = Duration.ofDays(30);

  private SlaPeriods() {}

  /** The month holding {@code instant}, in UTC. */
  public static YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }

  /** The first instant of the month, 00:00 UTC on its first day. */
  public static Instant startOf(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The first instant after the month. */
  public static Instant endOf(YearMonth month) {
    return startOf(month.plusMonths(1));
  }
}
