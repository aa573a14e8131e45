package dev.failover.api.v1alpha1.failoverpolicy;

/**
 * The step a failover (or failback) is on, persisted in status so that a restarted operator resumes
 * where the previous one stopped. Every step is idempotent.
 */
public enum FailoverStep {
  /** Choose the best healthy, non-excluded data center with spare capacity. */
  SelectTarget,
  /** Make the target serve: scale up the warm standby or apply the cold one. */
  PromoteTarget,
  /** Wait until the workload is Available in the target. */
  AwaitTargetAvailable,
  /** Mark the target active and point traffic (the DNSEndpoint) at it. */
  SwitchTraffic,
  /** Scale the old active data center to zero now, or on its return if unreachable. */
  FenceOldActive,
  /** Record the failover in history with its measured RTO, and emit an Event. */
  Record
}
