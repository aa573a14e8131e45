package dev.failover.core.restoregate;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import java.time.Instant;
import java.util.Objects;

/**
 * A ChaosRestoreTest of this policy, as its runner left it.
 *
 * @param phase null before the runner has looked at it
 * @param completedAt null until it passed or failed
 * @param message the runner's message; null when it wrote none
 */
public record TestRun(
    String name,
    String dataCenter,
    ChaosTestPhase phase,
    boolean promoted,
    Instant completedAt,
    String message) {

  public TestRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataCenter, "dataCenter");
  }

  boolean completedAfter(Instant instant) {
    return (phase == ChaosTestPhase.Passed || phase == ChaosTestPhase.Failed)
        && completedAt != null
        && completedAt.isAfter(instant);
  }

  /** The contract's pass: passed, and the runner promoted the data center. */
  boolean promotes() {
    return phase == ChaosTestPhase.Passed && promoted;
  }
}
