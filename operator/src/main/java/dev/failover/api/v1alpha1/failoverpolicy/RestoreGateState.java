package dev.failover.api.v1alpha1.failoverpolicy;

/** What a data center held out for its restore test waits for. */
public enum RestoreGateState {
  /** It is still unreachable: no test can run yet. */
  AwaitingRestoration,
  /** It is back; its restore test has not passed (and promoted it) yet. */
  AwaitingTest,
  /** Its latest restore test failed: it stays out of production until a new run passes. */
  TestFailed
}
