package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notification.NotificationSpec;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.core.notification.Audiences;
import dev.failover.operator.notification.channels.ChannelSender;
import dev.failover.operator.notification.channels.ChannelSenders;
import dev.failover.operator.notification.channels.ChannelUnusableException;
import dev.failover.operator.notification.channels.Delivery;
import dev.failover.operator.notification.channels.DeliveryResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to deliver a Notification: read its channel, build the sender (reading the channel's
 * Secrets), send. Every way it can fail is an outcome with a message, never an exception, so the
 * attempt is recorded; the channel's timeouts bound how long it takes.
 */
public class NotificationDelivery {
  private final KubernetesClient hub;
  private final ChannelSenders senders;

  public NotificationDelivery(KubernetesClient hub, ChannelSenders senders) {
    this.hub = hub;
    this.senders = senders;
  }

  public DeliveryResult attempt(Notification notification) {
    NotificationSpec spec = notification.getSpec();
    String namespace = notification.getMetadata().getNamespace();
    String channelName = spec.getChannelRef().getName();
    NotificationChannel channel;
    try {
      channel =
          hub.resources(NotificationChannel.class)
              .inNamespace(namespace)
              .withName(channelName)
              .get();
    } catch (KubernetesClientException e) {
      return DeliveryResult.retryable(null, "cannot read NotificationChannel " + channelName);
    }
    if (channel == null) {
      return DeliveryResult.retryable(
          null, "NotificationChannel " + namespace + "/" + channelName + " does not exist");
    }
    ChannelSender sender;
    try {
      sender = senders.forChannel(channel);
    } catch (ChannelUnusableException e) {
      return DeliveryResult.retryable(null, "channel " + channelName + ": " + e.getMessage());
    }
    try {
      return sender.send(delivery(notification));
    } catch (RuntimeException e) {
      // Only the class: an unexpected message could hold anything, a credential included.
      return DeliveryResult.retryable(
          null, "sending through " + channelName + " failed: " + e.getClass().getSimpleName());
    }
  }

  private static Delivery delivery(Notification notification) {
    NotificationSpec spec = notification.getSpec();
    return new Delivery(
        notification.getMetadata().getNamespace(),
        spec.getPolicyRef().getName(),
        spec.getType(),
        Optional.ofNullable(spec.getAudience()).orElse(Audiences.of(spec.getType())),
        spec.getIdempotencyKey(),
        Instant.parse(spec.getOccurredAt()),
        RenderedMessage.of(spec.getMessage()),
        spec.getSlaTerms());
  }
}
