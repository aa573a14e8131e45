package dev.failover.core.capacity;

import java.util.Objects;

/**
 * Whether a data center may take a policy's workload as far as capacity goes, and why, for people.
 *
 * @param known false when the verdict rests on missing knowledge (unknown capacity or demand)
 */
public record CapacityVerdict(boolean allowed, boolean known, String reason) {

  public CapacityVerdict {
    Objects.requireNonNull(reason, "reason");
  }

  static CapacityVerdict unknown(String reason) {
    return new CapacityVerdict(true, false, reason + "; unknown capacity never blocks a failover");
  }

  static CapacityVerdict allowed(String reason) {
    return new CapacityVerdict(true, true, reason);
  }

  static CapacityVerdict refused(String reason) {
    return new CapacityVerdict(false, true, reason);
  }
}
