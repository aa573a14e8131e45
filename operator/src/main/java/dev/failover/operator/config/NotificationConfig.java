package dev.failover.operator.config;

import dev.failover.api.v1alpha1.notification.NotificationStatus;
import dev.failover.core.notification.DeliveryBackoff;
import dev.failover.core.notification.DeliveryRules;
import java.time.Duration;
import java.util.Map;

/**
 * How notifications are delivered, read once at start:
 *
 * <ul>
 *   <li>{@code FAILOVER_NOTIFICATION_MAX_ATTEMPTS}: attempts before a notification is
 *       dead-lettered, 1 to 20 (default 12);
 *   <li>{@code FAILOVER_NOTIFICATION_BACKOFF_BASE}: the wait after the first failure, doubled after
 *       each further one (default 10s);
 *   <li>{@code FAILOVER_NOTIFICATION_BACKOFF_MAX}: the longest wait (default 1h);
 *   <li>{@code FAILOVER_NOTIFICATION_RETENTION}: how long a delivered or dead-lettered Notification
 *       is kept before it is deleted (default 168h, a week).
 * </ul>
 */
public record NotificationConfig(DeliveryRules rules) {
  public static NotificationConfig defaults() {
    return fromEnvironment(Map.of());
  }

  public static NotificationConfig fromEnvironment(Map<String, String> env) {
    int attempts = attempts(env);
    Duration base = PositiveDurationSetting.read(env, "FAILOVER_NOTIFICATION_BACKOFF_BASE", "10s");
    Duration max = PositiveDurationSetting.read(env, "FAILOVER_NOTIFICATION_BACKOFF_MAX", "1h");
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "FAILOVER_NOTIFICATION_BACKOFF_MAX must not be shorter than"
              + " FAILOVER_NOTIFICATION_BACKOFF_BASE");
    }
    return new NotificationConfig(
        new DeliveryRules(
            attempts,
            new DeliveryBackoff(base, max),
            PositiveDurationSetting.read(env, "FAILOVER_NOTIFICATION_RETENTION", "168h")));
  }

  private static int attempts(Map<String, String> env) {
    String name = "FAILOVER_NOTIFICATION_MAX_ATTEMPTS";
    String value = value(env, name);
    if (value == null) {
      return 12;
    }
    try {
      int attempts = Integer.parseInt(value);
      if (attempts >= 1 && attempts <= NotificationStatus.ATTEMPTS_LIMIT) {
        return attempts;
      }
    } catch (NumberFormatException e) {
      // refused below, with the variable's name
    }
    throw new IllegalArgumentException(
        name
            + " must be a whole number from 1 to "
            + NotificationStatus.ATTEMPTS_LIMIT
            + ": "
            + value);
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
