package dev.failover.core.failover;

/** How big the workload should be in a data center where it is applied. */
public enum ReplicasMode {
  /** The replicas the policy's workload asks for. */
  Full,
  /** Zero replicas: present, ready to scale up (a warm standby). */
  ScaledDown
}
