package dev.failover.operator.notification.channels;

/** Sends a notification through one configured channel, within bounded time. */
public interface ChannelSender {
  DeliveryResult send(Delivery delivery);
}
