package dev.failover.api.v1alpha1.notificationchannel;

/** How a CloudEvent travels over HTTP (CloudEvents HTTP binding, section 3). */
public enum CloudEventsMode {
  /** Attributes in ce- headers, the data as the body. */
  Binary,
  /** The whole event as one application/cloudevents+json body. */
  Structured
}
