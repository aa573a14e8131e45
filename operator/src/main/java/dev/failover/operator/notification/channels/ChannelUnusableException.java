package dev.failover.operator.notification.channels;

/**
 * A channel that cannot send at all: its Secret or key is missing, its CA bundle holds no
 * certificate. The reason is a condition reason; the message names the Secret and key, never a
 * value.
 */
public final class ChannelUnusableException extends Exception {
  private final String reason;

  public ChannelUnusableException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
