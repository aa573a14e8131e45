package dev.failover.api.v1alpha1.notificationchannel;

/** How a channel delivers notifications. */
public enum ChannelType {
  /** JSON POST, signed with HMAC-SHA256 in a header. */
  Webhook,
  /** A CloudEvents 1.0 HTTP sink. */
  CloudEvents,
  /** A Slack-compatible incoming webhook. */
  Slack,
  /** E-mail over SMTP. */
  Email
}
