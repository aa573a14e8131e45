package dev.failover.api.v1alpha1.failoverpolicy;

/** Direction of a recorded move of the workload. */
public enum FailoverType {
  /** Away from a failed, degraded, excluded or manually left data center. */
  Failover,
  /** Back to placement.primary. */
  Failback
}
