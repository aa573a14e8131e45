package dev.failover.api.v1alpha1.failoverpolicy;

/** What outbound traffic the workload may make while in disaster-recovery mode. */
public enum EgressMode {
  /** All egress is allowed. */
  FailOpen,
  /** Only the allowlist (managed list plus the customer's additions) is reachable. */
  ControlledFailOpen,
  /** No egress is allowed. */
  FailClosed
}
