package dev.failover.core.dr;

import java.time.Instant;
import java.util.Objects;

/**
 * What the trigger remembers between polls (the policy's status keeps it, so a restart loses
 * nothing): the mode the record set, and the signing time of the value that last switched it.
 *
 * @param switchedBy null until a value has switched modes
 */
public record TriggerState(DrMode mode, Instant switchedBy) {
  public TriggerState {
    Objects.requireNonNull(mode, "mode");
  }

  public static TriggerState initial() {
    return new TriggerState(DrMode.off, null);
  }
}
