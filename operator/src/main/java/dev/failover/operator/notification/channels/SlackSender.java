package dev.failover.operator.notification.channels;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A Slack-compatible incoming webhook: Block Kit JSON (a header with the title, a section with the
 * text, a context line with the policy, event and time) plus {@code text} as the fallback for
 * notifications. The URL is a credential: only its host appears in messages.
 */
final class SlackSender implements ChannelSender {
  /** Block Kit's limits: a header's plain text and a section's text. */
  static final int HEADER_LIMIT = 150;

  static final int SECTION_LIMIT = 3000;

  private final URI url;
  private final HttpPost http;

  SlackSender(URI url, HttpPost http) {
    this.url = url;
    this.http = http;
  }

  @Override
  public String destinationRefusal() {
    return Destinations.refusal(url.getHost());
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    return http.post(
        url,
        Map.of("Content-Type", "application/json"),
        NotificationPayload.json(blocks(delivery)));
  }

  static Map<String, Object> blocks(Delivery delivery) {
    String title = cut(delivery.message().title(), HEADER_LIMIT);
    return Map.of(
        "text",
        escape(title),
        "blocks",
        List.of(
            Map.of("type", "header", "text", Map.of("type", "plain_text", "text", title)),
            Map.of(
                "type",
                "section",
                "text",
                Map.of(
                    "type",
                    "mrkdwn",
                    "text",
                    cut(escape(delivery.message().body()), SECTION_LIMIT))),
            Map.of(
                "type",
                "context",
                "elements",
                List.of(
                    Map.of(
                        "type",
                        "mrkdwn",
                        "text",
                        escape(
                            delivery.namespace()
                                + "/"
                                + delivery.policy()
                                + " · "
                                + delivery.type().name()
                                + " · "
                                + delivery.occurredAt()))))));
  }

  /** Slack's mrkdwn reads &, < and > as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
