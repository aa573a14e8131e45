package dev.failover.api.v1alpha1.failoverpolicy;

/** Whether the SLA ledger's last observation found the workload served. */
public enum SlaServiceState {
  Up,
  Down,
  Unknown
}
