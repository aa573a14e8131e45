package dev.failover.operator.notification.channels;

/** Sends a notification through one configured channel, within bounded time. */
public interface ChannelSender {
  DeliveryResult send(Delivery delivery);

  /**
   * Why the destination cannot be connected to (its host does not resolve, or resolves to a
   * link-local or metadata address), or null when it can.
   */
  String destinationRefusal();
}
