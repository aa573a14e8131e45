package dev.failover.core.sla;

/** Whether the workload was served at one observation. */
public enum ServiceState {
  /**
   * The active data center is reachable, the workload is Available there and traffic points at it.
   */
  Up,
  /** No data center serves the workload. */
  Down,
  /** The operator cannot tell: it could not read the workload in the active data center. */
  Unknown
}
