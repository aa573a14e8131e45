package dev.failover.operator.notification.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a Webhook receives as its body and a CloudEvents sink as the event's data: the same
 * fields, so a receiver can move between the two.
 */
final class NotificationPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationPayload() {}

  static Map<String, Object> fields(Delivery delivery) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("idempotencyKey", delivery.idempotencyKey());
    fields.put("type", delivery.type().name());
    fields.put("namespace", delivery.namespace());
    fields.put("policy", delivery.policy());
    fields.put("audience", delivery.audience().name());
    fields.put("occurredAt", delivery.occurredAt().toString());
    fields.put("title", delivery.message().title());
    fields.put("message", delivery.message().body());
    if (delivery.slaTerms() != null) {
      fields.put("slaTerms", JSON.convertValue(delivery.slaTerms(), Map.class));
    }
    return fields;
  }

  static byte[] json(Delivery delivery) {
    return json(fields(delivery));
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a payload of strings is always JSON", e);
    }
  }
}
