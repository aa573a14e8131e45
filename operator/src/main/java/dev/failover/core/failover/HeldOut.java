package dev.failover.core.failover;

import java.util.Objects;

/**
 * A data center this policy keeps out of production until a restore test passes there: it blacked
 * out while the policy was active in it, and {@code failback.requireRestoreTest} is on. It is never
 * an automatic target (failover or failback); a person may still move the workload there, and the
 * move's record says it overrode the test.
 *
 * @param testFailed whether the latest test of the data center failed (rather than not having
 *     passed yet)
 * @param test the ChaosRestoreTest that decides; null while the data center has not returned
 * @param why for people: what the data center waits for
 */
public record HeldOut(String dataCenter, boolean testFailed, String test, String why) {

  /** The record's override reason when the test failed. */
  public static final String OVERRIDE_OF_FAILED_TEST = "ManualOverrideOfFailedRestoreTest";

  /** The record's override reason when no test had passed (yet). */
  public static final String OVERRIDE_OF_UNTESTED = "ManualOverrideOfUntestedDataCenter";

  public HeldOut {
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(why, "why");
  }

  /** How a manual move into this data center is recorded. */
  public String overrideReason() {
    return testFailed ? OVERRIDE_OF_FAILED_TEST : OVERRIDE_OF_UNTESTED;
  }
}
