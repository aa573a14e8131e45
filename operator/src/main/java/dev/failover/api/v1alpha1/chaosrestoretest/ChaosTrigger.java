package dev.failover.api.v1alpha1.chaosrestoretest;

/** What starts a chaos restore test. */
public enum ChaosTrigger {
  /** Each time the data center comes back after a blackout. */
  Restoration,
  /** On spec.schedule. */
  Schedule,
  /** Once, when the resource is created. */
  Manual
}
