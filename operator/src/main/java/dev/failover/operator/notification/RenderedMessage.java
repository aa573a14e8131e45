package dev.failover.operator.notification;

/**
 * A message for people: a one-line title (an e-mail's subject, a Slack header) and the text.
 *
 * @param title the first line
 * @param body what happened, where the service runs now and what to expect
 */
public record RenderedMessage(String title, String body) {
  /** The title and body as stored in a Notification's spec.message. */
  public String text() {
    return title + "\n\n" + body;
  }

  /** Reads spec.message back: its first line is the title. */
  public static RenderedMessage of(String text) {
    int end = text.indexOf('\n');
    return end < 0
        ? new RenderedMessage(text.strip(), "")
        : new RenderedMessage(text.substring(0, end).strip(), text.substring(end + 1).strip());
  }
}
