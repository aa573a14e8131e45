package dev.failover.operator.notification.channels;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** A JSON POST signed per {@link WebhookSignature}, with the idempotency key as a header. */
final class WebhookSender implements ChannelSender {
  private final URI url;
  private final byte[] key;
  private final HttpPost http;
  private final Clock clock;

  WebhookSender(URI url, byte[] key, HttpPost http, Clock clock) {
    this.url = url;
    this.key = key.clone();
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String destinationRefusal() {
    return Destinations.refusal(url.getHost());
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    byte[] body = NotificationPayload.json(delivery);
    long timestamp = clock.instant().getEpochSecond();
    return http.post(
        url,
        Map.of(
            "Content-Type",
            "application/json",
            WebhookSignature.TIMESTAMP,
            Long.toString(timestamp),
            WebhookSignature.SIGNATURE,
            WebhookSignature.sign(key, timestamp, body),
            WebhookSignature.IDEMPOTENCY_KEY,
            delivery.idempotencyKey(),
            WebhookSignature.EVENT,
            delivery.type().name()),
        body);
  }
}
