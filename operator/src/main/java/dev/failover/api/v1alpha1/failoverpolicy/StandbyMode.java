package dev.failover.api.v1alpha1.failoverpolicy;

/** How the workload is kept in data centers that are not active. */
public enum StandbyMode {
  /** Running at full size everywhere; failover only moves traffic. */
  Hot,
  /** Present but scaled to zero; failover scales it up. */
  Warm,
  /** Absent; failover applies the workload from scratch. */
  Cold
}
