package dev.failover.core.sla;

/** Why a stretch of time counts against availability. */
public enum DowntimeKind {
  /** Observed: no data center served the workload. */
  Down,
  /** Not observed (the operator was not running, or could not look); counted as down. */
  Unknown
}
