package dev.failover.api.v1alpha1.datacenter;

/** How far a data center can be trusted with production traffic right now. */
public enum DataCenterPhase {
  /** Not probed yet. */
  Pending,
  /** Probes pass within the latency and error thresholds. */
  Healthy,
  /** Brownout: latency or error rate above the threshold for the brownout window. */
  Degraded,
  /** Blackout: the configured number of consecutive probes failed or timed out. */
  Unreachable,
  /** Taken out of service by an exclusion window or a drain. */
  Excluded,
  /** Reachable again after a blackout; fencing and restore checks run before it is trusted. */
  Restoring,
  /** Healthy again but inside its stabilization window; not yet a failback target. */
  Probation
}
