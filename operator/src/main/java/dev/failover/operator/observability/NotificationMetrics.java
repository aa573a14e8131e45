package dev.failover.operator.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Notification delivery, as the counters {@code failover_notification_attempts_total} (labelled
 * namespace, channel, type and outcome) and {@code failover_notifications_dead_lettered_total}
 * (namespace, channel, type, reason). Labels are names and enums: never a URL, an address or a
 * message, which could hold a credential.
 */
public final class NotificationMetrics {
  static final String ATTEMPTS = "failover_notification_attempts";
  static final String DEAD_LETTERED = "failover_notifications_dead_lettered";

  private final MeterRegistry registry;

  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void attempted(String namespace, String channel, String type, String outcome) {
    Counter.builder(ATTEMPTS)
        .description("Attempts to deliver a notification, by outcome")
        .tags("namespace", namespace, "channel", channel, "type", type, "outcome", outcome)
        .register(registry)
        .increment();
  }

  public void deadLettered(String namespace, String channel, String type, String reason) {
    Counter.builder(DEAD_LETTERED)
        .description("Notifications given up on: a permanent failure or the attempts ran out")
        .tags("namespace", namespace, "channel", channel, "type", type, "reason", reason)
        .register(registry)
        .increment();
  }
}
