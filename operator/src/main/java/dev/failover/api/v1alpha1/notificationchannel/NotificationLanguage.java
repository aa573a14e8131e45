package dev.failover.api.v1alpha1.notificationchannel;

/** The language a channel's messages are written in: those of the source documents. */
public enum NotificationLanguage {
  /** English. */
  en,
  /** German. */
  de,
  /** Japanese. */
  ja
}
