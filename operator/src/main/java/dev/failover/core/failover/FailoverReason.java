package dev.failover.core.failover;

/** Why a workload moved, or is moving, to a data center. */
public enum FailoverReason {
  /** First placement of a new policy. */
  InitialPlacement,
  /** The active data center became Unreachable. */
  Blackout,
  /** The active data center is Degraded and a Healthy one is available. */
  Brownout,
  /** The active data center was excluded or drained, or left the policy's placement. */
  Exclusion,
  /** A person asked for {@code FailoverTo}. */
  ManualFailover,
  /** The primary is Healthy again and failback is Automatic. */
  AutomaticFailback,
  /** A person asked for {@code Failback}. */
  ManualFailback;

  /**
   * A planned move leaves a data center that still works. If its target stops qualifying, the move
   * is abandoned rather than sent somewhere nobody asked for.
   */
  public boolean planned() {
    return this == ManualFailover || this == AutomaticFailback || this == ManualFailback;
  }

  public boolean failback() {
    return this == AutomaticFailback || this == ManualFailback;
  }
}
