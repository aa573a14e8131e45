package dev.failover.api.v1alpha1.common;

/** What the customer receives when availability falls below the SLA. */
public enum Remedy {
  /** A discount on the next invoice. */
  Discount,
  /** Money back for the period. */
  Refund,
  /** The right to cancel the contract without penalty. */
  CancellationRight
}
