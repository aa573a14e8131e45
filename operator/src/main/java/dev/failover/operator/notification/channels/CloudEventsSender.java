package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.notificationchannel.CloudEventsMode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A CloudEvent 1.0 over HTTP, written by the CloudEvents SDK: type {@code dev.failover.<event
 * type>} (e.g. {@code dev.failover.FailoverStarted}), id the idempotency key (receivers drop
 * duplicates by source and id, as the spec says), source {@code <configured source>/<policy>},
 * subject the policy, time when it happened, data the JSON of {@link NotificationPayload}.
 */
final class CloudEventsSender implements ChannelSender {
  static final String TYPE_PREFIX = "dev.failover.";

  private final URI url;
  private final String source;
  private final CloudEventsMode mode;
  private final HttpPost http;

  CloudEventsSender(URI url, String source, CloudEventsMode mode, HttpPost http) {
    this.url = url;
    this.source = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
    this.mode = mode;
    this.http = http;
  }

  @Override
  public String destinationRefusal() {
    return Destinations.refusal(url.getHost());
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(delivery.idempotencyKey())
            .withType(TYPE_PREFIX + delivery.type().name())
            .withSource(URI.create(source + "/" + delivery.policy()))
            .withSubject(delivery.policy())
            .withTime(delivery.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withData(NotificationPayload.json(delivery))
            .build();
    Map<String, String> headers = new LinkedHashMap<>();
    AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    var writer = HttpMessageFactory.createWriter(headers::put, body::set);
    if (mode == CloudEventsMode.Structured) {
      writer.writeStructured(event, JsonFormat.CONTENT_TYPE);
    } else {
      writer.writeBinary(event);
    }
    return http.post(url, headers, body.get());
  }
}
