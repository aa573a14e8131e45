package dev.failover.core.failover;

/** What a person can ask of a policy through {@code spec.action}. */
public enum ManualActionType {
  /** Move the workload to a named data center. */
  FailoverTo,
  /** Move the workload back to the primary. */
  Failback
}
