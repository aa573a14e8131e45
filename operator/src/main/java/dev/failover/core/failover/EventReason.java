package dev.failover.core.failover;

/** The reason of a Kubernetes Event on the policy; warnings are the ones a person should read. */
public enum EventReason {
  Placed(false),
  FailoverStarted(true),
  FailoverCompleted(false),
  FailbackStarted(false),
  /** An automatic failback is due but waits for a slot: the limit of failbacks is in flight. */
  FailbackDeferred(false),
  FailbackCompleted(false),
  FailoverCancelled(false),
  MoveAbandoned(true),
  TargetLost(true),
  NoHealthyDataCenter(true),
  FenceDeferred(true),
  Fenced(false),
  ActionRejected(true),
  /** A person moved the workload into a data center that awaits, or failed, its restore test. */
  RestoreTestOverridden(true);

  private final boolean warning;

  EventReason(boolean warning) {
    this.warning = warning;
  }

  public boolean warning() {
    return warning;
  }
}
