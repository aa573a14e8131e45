package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notification.NotificationPhase;
import dev.failover.api.v1alpha1.notification.NotificationStatus;
import dev.failover.core.notification.DeliveryRules;
import dev.failover.core.notification.DeliveryRules.DeadLettered;
import dev.failover.core.notification.DeliveryRules.Next;
import dev.failover.core.notification.DeliveryRules.RetryAt;
import dev.failover.operator.notification.channels.DeliveryResult;
import dev.failover.operator.observability.NotificationMetrics;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Delivers the outbox. Observe (the Notification's status: finished, or when its next attempt is
 * due) → act (one attempt, {@link NotificationDelivery}) → decide ({@link DeliveryRules}) → status
 * ({@link DeliveryProgress}). Everything it needs is in the resource, so a restarted operator picks
 * up every pending notification from its informer; a finished one is deleted after the retention. A
 * dead-lettered one gets the DeadLettered condition, a Warning Event and a count.
 */
@ControllerConfiguration(name = "notification")
public final class NotificationReconciler implements Reconciler<Notification> {
  static final String DEAD_LETTERED_REASON = "NotificationDeadLettered";

  private final KubernetesClient hub;
  private final NotificationDelivery delivery;
  private final DeliveryRules rules;
  private final ConditionEvents events;
  private final NotificationMetrics metrics;
  private final Clock clock;
  private final DoubleSupplier jitter;

  public NotificationReconciler(
      KubernetesClient hub,
      NotificationDelivery delivery,
      DeliveryRules rules,
      ConditionEvents events,
      NotificationMetrics metrics,
      Clock clock,
      DoubleSupplier jitter) {
    this.hub = hub;
    this.delivery = delivery;
    this.rules = rules;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.jitter = jitter;
  }

  @Override
  public UpdateControl<Notification> reconcile(
      Notification notification, Context<Notification> context) {
    NotificationStatus stored = notification.getStatus();
    NotificationStatus status =
        stored == null ? new NotificationStatus() : Serialization.clone(stored);
    Instant now = clock.instant();
    NotificationPhase phase =
        status.getPhase() == null ? NotificationPhase.Pending : status.getPhase();
    if (phase != NotificationPhase.Pending) {
      return expireWhenDue(notification, status, now);
    }
    if (status.getNextAttemptAt() != null) {
      Instant due = Instant.parse(status.getNextAttemptAt());
      if (now.isBefore(due)) {
        return UpdateControl.<Notification>noUpdate().rescheduleAfter(Duration.between(now, due));
      }
    }
    DeliveryResult result = delivery.attempt(notification);
    int attempts = (status.getAttempts() == null ? 0 : status.getAttempts().size()) + 1;
    Next next = rules.after(result.outcome(), attempts, result.error(), now, jitter.getAsDouble());
    DeliveryProgress.record(
        status, stored, notification.getMetadata().getGeneration(), result, next, now);
    tell(notification, result, next);
    notification.setStatus(status);
    Duration wait =
        next instanceof RetryAt retry ? Duration.between(now, retry.at()) : rules.retention();
    return UpdateControl.patchStatus(notification).rescheduleAfter(wait);
  }

  private void tell(Notification notification, DeliveryResult result, Next next) {
    String namespace = notification.getMetadata().getNamespace();
    String channel = notification.getSpec().getChannelRef().getName();
    String type = notification.getSpec().getType().name();
    metrics.attempted(namespace, channel, type, result.outcome().name());
    if (next instanceof DeadLettered dead) {
      metrics.deadLettered(namespace, channel, type, dead.reason());
      events.warningOnce(
          notification,
          DEAD_LETTERED_REASON,
          "final",
          type + " through channel " + channel + " was given up: " + dead.message());
    }
  }

  private UpdateControl<Notification> expireWhenDue(
      Notification notification, NotificationStatus status, Instant now) {
    Instant deleteAt = rules.deleteAt(DeliveryProgress.finishedAt(status, now));
    if (now.isBefore(deleteAt)) {
      return UpdateControl.<Notification>noUpdate()
          .rescheduleAfter(Duration.between(now, deleteAt));
    }
    hub.resource(notification).delete();
    return UpdateControl.noUpdate();
  }
}
