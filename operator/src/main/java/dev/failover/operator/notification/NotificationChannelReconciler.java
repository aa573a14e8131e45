package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelStatus;
import dev.failover.operator.notification.channels.ChannelSender;
import dev.failover.operator.notification.channels.ChannelSenders;
import dev.failover.operator.notification.channels.ChannelUnusableException;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.operator.status.StatusConditions;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;

/**
 * Tells whether a channel can send: Ready is True when its Secrets and keys are there, its CA
 * bundle holds certificates and its host resolves to an address it may connect to; False names what
 * is wrong, never a secret value. Secrets are not watched (that would need the right to list every
 * Secret); the channel is looked at again every minute while not Ready, every five when it is.
 */
@ControllerConfiguration(name = "notificationchannel")
public final class NotificationChannelReconciler implements Reconciler<NotificationChannel> {
  static final Duration WHILE_NOT_READY = Duration.ofMinutes(1);
  static final Duration WHILE_READY = Duration.ofMinutes(5);

  private final ChannelSenders senders;
  private final ConditionEvents events;
  private final Clock clock;

  public NotificationChannelReconciler(
      ChannelSenders senders, ConditionEvents events, Clock clock) {
    this.senders = senders;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public UpdateControl<NotificationChannel> reconcile(
      NotificationChannel channel, Context<NotificationChannel> context) {
    NotificationChannelStatus stored = channel.getStatus();
    NotificationChannelStatus status =
        stored == null ? new NotificationChannelStatus() : Serialization.clone(stored);
    StatusConditions.observed(status, channel.getMetadata().getGeneration());
    boolean ready;
    String reason;
    String message;
    try {
      ChannelSender sender = senders.forChannel(channel);
      String refusal = sender.destinationRefusal();
      ready = refusal == null;
      reason = ready ? "Usable" : "DestinationRefused";
      message =
          ready
              ? "the configuration and its Secrets are usable"
              : "the destination cannot be used: " + refusal;
    } catch (ChannelUnusableException e) {
      ready = false;
      reason = e.reason();
      message = e.getMessage();
    }
    StatusConditions.set(
        status, stored, ConditionTypes.READY, ready, reason, message, clock.instant());
    events.changed(channel, stored, status, ConditionTypes.READY);
    channel.setStatus(status);
    return StatusPatches.patchIfChanged(channel, stored, status)
        .rescheduleAfter(ready ? WHILE_READY : WHILE_NOT_READY);
  }
}
