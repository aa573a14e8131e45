package dev.failover.operator.config;

import dev.failover.core.DurationText;
import java.time.Duration;
import java.util.Map;

/** A {@code FAILOVER_*} variable that holds a positive duration such as 2s, 15m or 168h. */
final class PositiveDurationSetting {
  private PositiveDurationSetting() {}

  /** The variable's duration, or {@code fallback} when it is unset or blank. */
  static Duration read(Map<String, String> env, String name, String fallback) {
    String set = env.get(name);
    String value = set == null || set.isBlank() ? fallback : set.trim();
    try {
      Duration duration = DurationText.parse(value);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException("not positive");
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " must be a positive duration such as 2s, 15m or 168h: " + value, e);
    }
  }
}
