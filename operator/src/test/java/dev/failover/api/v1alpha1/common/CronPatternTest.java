package dev.failover.api.v1alpha1.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule pattern the API server applies (RE2; the constructs used mean the same in Java):
 * five fields, each in its range, or a macro.
 */
class CronPatternTest {
  private static final Pattern CRON = Pattern.compile(ValuePatterns.CRON);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 3 * * 1",
        "*/15 0-6 1,15 * *",
        "0 12 * JAN-MAR mon-fri",
        "59 23 31 12 7",
        "0 0 1-31/2 */3 0",
        "@daily",
        "@hourly"
      })
  void acceptsSchedulesWhoseFieldsAreInRange(String schedule) {
    assertThat(CRON.matcher(schedule).matches()).as(schedule).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b c d e",
        "61 * * * *",
        "0 24 * * *",
        "0 0 0 * *",
        "0 0 32 * *",
        "0 0 * 13 *",
        "0 0 * * 8",
        "0 0 * FOO *",
        "* * * *",
        "* * * * * *",
        "*/0 * * * *",
        "@every 5m",
        "every monday"
      })
  void refusesFiveTokensOfNonsenseAndOutOfRangeFields(String schedule) {
    assertThat(CRON.matcher(schedule).matches()).as(schedule).isFalse();
  }
}
