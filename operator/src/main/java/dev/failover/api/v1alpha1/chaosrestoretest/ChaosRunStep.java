package dev.failover.api.v1alpha1.chaosrestoretest;

/** The step a running chaos restore test is at; persisted so a restarted operator resumes. */
public enum ChaosRunStep {
  /** Creating the test namespace and applying the test copy until it is Available. */
  Preparing,
  /** Injecting the seeded faults one at a time and timing each recovery. */
  Faults,
  /** Drill failover: the test copy moves to another healthy data center of the policy. */
  DrillOut,
  /** Drill failover: the test copy moves back to the tested data center. */
  DrillBack,
  /** Backing up the tested data center's managed state before promotion. */
  BackingUp
}
