package dev.failover.core.chaos;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field UNIX cron expression, in UTC, stepped by cron-utils. The macros {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly} and {@code @yearly} are accepted too.
 */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Map<String, String> MACROS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  /** Counting missed runs stops here: a schedule every minute down for a year is "many". */
  private static final int COUNT_LIMIT = 10_000;

  private final String expression;
  private final ExecutionTime times;

  private CronSchedule(String expression, ExecutionTime times) {
    this.expression = expression;
    this.times = times;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the expression
   */
  public static CronSchedule parse(String expression) {
    String text = expression.strip();
    String cron = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
    try {
      return new CronSchedule(text, ExecutionTime.forCron(PARSER.parse(cron).validate()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a five-field cron expression: " + e.getMessage(), e);
    }
  }

  /** The first run strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    return times.nextExecution(utc(after)).map(ZonedDateTime::toInstant);
  }

  /** A run that is due now: the latest one missed since {@code lastRun}, and how many it skips. */
  public record Due(Instant scheduledFor, int skipped) {}

  /**
   * The run due at {@code now} after the last one ran (or the schedule was created) at {@code
   * lastRun}: empty when the next run is still ahead.
   */
  public Optional<Due> due(Instant lastRun, Instant now) {
    Optional<Instant> first = next(lastRun);
    if (first.isEmpty() || first.get().isAfter(now)) {
      return Optional.empty();
    }
    Instant latest = first.get();
    int missed = 1;
    Optional<Instant> following = next(latest);
    while (following.isPresent() && !following.get().isAfter(now) && missed < COUNT_LIMIT) {
      latest = following.get();
      missed++;
      following = next(latest);
    }
    if (missed == COUNT_LIMIT) {
      // Too many to step through: the latest is the one before now.
      latest = times.lastExecution(utc(now)).map(ZonedDateTime::toInstant).orElse(latest);
    }
    return Optional.of(new Due(latest, missed - 1));
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return expression;
  }
}
