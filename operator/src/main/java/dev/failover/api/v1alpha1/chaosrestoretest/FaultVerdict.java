package dev.failover.api.v1alpha1.chaosrestoretest;

/** How one injected fault went against the pass criteria. */
public enum FaultVerdict {
  /** The workload was Available again within the maximum recovery time. */
  Recovered,
  /** The workload recovered, but later than the maximum recovery time. */
  TooSlow,
  /** The workload did not recover within the maximum recovery time. */
  NotRecovered
}
