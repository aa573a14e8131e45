package dev.failover.e2e;

import dev.failover.testbed.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Assertions over a period rather than a moment: that nothing moves. The opposite of an await, for
 * "the workload stays put", which no single observation can show.
 */
public final class Steady {
  private static final Duration POLL = Duration.ofMillis(200);

  private Steady() {}

  /**
   * Reads {@code read} until {@code period} has passed and fails at the first value that does not
   * satisfy {@code condition}, describing it. Returns the last value read.
   */
  public static <T> T holds(
      String what,
      Duration period,
      Supplier<T> read,
      Predicate<T> condition,
      Function<T, String> describe) {
    Instant end = Instant.now().plus(period);
    while (true) {
      T value = read.get();
      if (!condition.test(value)) {
        throw new AssertionError(
            "expected " + what + " for " + period + ", but saw: " + describe.apply(value));
      }
      if (Instant.now().isAfter(end)) {
        return value;
      }
      Sleep.of(POLL);
    }
  }

  /**
   * Runs a wait or check and, if it fails, adds the operator's last {@code lines} log lines to the
   * failure, so a timeout explains itself.
   */
  public static <T> T explained(OperatorProcess operator, int lines, Supplier<T> check) {
    try {
      return check.get();
    } catch (AssertionError e) {
      AssertionError explained =
          new AssertionError(
              e.getMessage()
                  + "\n--- last "
                  + lines
                  + " lines of "
                  + operator.logFile()
                  + " ---\n"
                  + operator.logTail(lines),
              e);
      throw explained;
    }
  }

  public static void explainedRun(OperatorProcess operator, int lines, Runnable check) {
    explained(
        operator,
        lines,
        () -> {
          check.run();
          return null;
        });
  }
}
