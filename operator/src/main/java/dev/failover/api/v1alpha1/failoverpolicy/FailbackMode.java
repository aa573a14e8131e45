package dev.failover.api.v1alpha1.failoverpolicy;

/** Whether the workload returns to the primary by itself once it is healthy again. */
public enum FailbackMode {
  /** After the primary has been healthy for the stabilization window, make-before-break. */
  Automatic,
  /** Only when a person asks for it through spec.action. */
  Manual
}
