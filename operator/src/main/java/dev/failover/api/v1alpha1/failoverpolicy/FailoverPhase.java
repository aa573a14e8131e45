package dev.failover.api.v1alpha1.failoverpolicy;

/** Where a policy's workload stands. */
public enum FailoverPhase {
  /** Not placed yet. */
  Pending,
  /** Serving from its active data center. */
  Active,
  /** A failover is under way; status.currentStep says which step. */
  FailingOver,
  /** A failback to the preferred data center is under way. */
  FailingBack,
  /** No healthy data center can take the workload; nothing serves it. */
  Unavailable
}
