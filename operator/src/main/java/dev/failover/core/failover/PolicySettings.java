package dev.failover.core.failover;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import java.util.Objects;

/**
 * The parts of a policy's spec that steer failover.
 *
 * @param moveDeadline how long a move may spend on one target before it gives up on it: the
 *     policy's RTO ({@code spec.objectives.rto})
 */
public record PolicySettings(
    PlacementPreference placement,
    StandbyMode standbyMode,
    FailbackMode failbackMode,
    Duration moveDeadline) {

  /** The schema's default RTO. */
  public static final Duration DEFAULT_MOVE_DEADLINE = Duration.ofMinutes(2);

  public PolicySettings {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(standbyMode, "standbyMode");
    Objects.requireNonNull(failbackMode, "failbackMode");
    Objects.requireNonNull(moveDeadline, "moveDeadline");
    if (moveDeadline.isNegative() || moveDeadline.isZero()) {
      throw new IllegalArgumentException("moveDeadline must be positive, not " + moveDeadline);
    }
  }

  /** Settings with the default deadline. */
  public PolicySettings(
      PlacementPreference placement, StandbyMode standbyMode, FailbackMode failbackMode) {
    this(placement, standbyMode, failbackMode, DEFAULT_MOVE_DEADLINE);
  }
}
