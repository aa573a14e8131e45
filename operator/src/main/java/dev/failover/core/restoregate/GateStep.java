package dev.failover.core.restoregate;

import java.time.Instant;
import java.util.Objects;

/** Something the operator does for the gates; each is idempotent. */
public sealed interface GateStep {

  /** Server-side apply the Restoration ChaosRestoreTest of a restoration. */
  record EnsureTest(String name, String dataCenter, Instant restoredAt) implements GateStep {
    public EnsureTest {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dataCenter, "dataCenter");
      Objects.requireNonNull(restoredAt, "restoredAt");
    }
  }

  /** Delete a test made moot by a new blackout; gone already counts as done. */
  record DeleteTest(String name) implements GateStep {
    public DeleteTest {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An Event on the policy, told once per {@code occurrence} (lowercase letters, digits, dots and
   * dashes).
   */
  record Tell(String reason, String message, boolean warning, String occurrence)
      implements GateStep {
    public Tell {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(occurrence, "occurrence");
    }
  }
}
