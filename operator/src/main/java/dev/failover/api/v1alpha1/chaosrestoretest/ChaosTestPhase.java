package dev.failover.api.v1alpha1.chaosrestoretest;

/** Where a chaos restore test stands. */
public enum ChaosTestPhase {
  /** Waiting for its trigger or for the data center to be reachable. */
  Pending,
  /** Injecting faults, drilling or backing up. */
  Running,
  /** Every fault recovered, the drill passed and the backup was taken. */
  Passed,
  /** A fault did not recover, the drill failed or the timeout passed. */
  Failed
}
