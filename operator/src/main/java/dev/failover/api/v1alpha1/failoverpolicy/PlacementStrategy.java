package dev.failover.api.v1alpha1.failoverpolicy;

/** How the failover target is chosen among healthy data centers. */
public enum PlacementStrategy {
  /** The primary, then the secondaries in the order they are listed. */
  Priority,
  /** The healthy data center with the lowest measured probe latency. */
  LowestLatency
}
