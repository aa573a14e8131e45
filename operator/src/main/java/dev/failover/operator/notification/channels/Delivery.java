package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.notification.Audience;
import dev.failover.operator.notification.RenderedMessage;
import java.time.Instant;

/**
 * One notification, ready to send: what every channel needs from a Notification resource.
 *
 * @param slaTerms the credit due; null when none
 */
public record Delivery(
    String namespace,
    String policy,
    NotificationEventType type,
    Audience audience,
    String idempotencyKey,
    Instant occurredAt,
    RenderedMessage message,
    SlaCredit slaTerms) {}
