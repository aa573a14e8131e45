package dev.failover.core.failover;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.placement.PlacementPreference;
import java.util.Objects;

/** The parts of a policy's spec that steer failover. */
public record PolicySettings(
    PlacementPreference placement, StandbyMode standbyMode, FailbackMode failbackMode) {

  public PolicySettings {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(standbyMode, "standbyMode");
    Objects.requireNonNull(failbackMode, "failbackMode");
  }
}
