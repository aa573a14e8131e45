package dev.failover.api.v1alpha1.failoverpolicy;

/** The mode a signed disaster-recovery trigger value sets. */
public enum TriggerRecordMode {
  on,
  off
}
