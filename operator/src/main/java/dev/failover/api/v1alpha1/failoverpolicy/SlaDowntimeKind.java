package dev.failover.api.v1alpha1.failoverpolicy;

/** Observed downtime, or time the operator could not observe (counted as down). */
public enum SlaDowntimeKind {
  Down,
  Unknown
}
