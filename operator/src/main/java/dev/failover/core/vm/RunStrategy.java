package dev.failover.core.vm;

/** KubeVirt's {@code spec.runStrategy} values the operator uses. */
public enum RunStrategy {
  /** The machine runs; KubeVirt restarts it if it stops. */
  Always,
  /** The machine is defined but stopped. */
  Halted
}
