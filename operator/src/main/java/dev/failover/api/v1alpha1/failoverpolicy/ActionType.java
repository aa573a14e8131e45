package dev.failover.api.v1alpha1.failoverpolicy;

/** What a manual action asks for. */
public enum ActionType {
  /** Fail over to action.target now. */
  FailoverTo,
  /** Return to placement.primary now. */
  Failback
}
