package dev.failover.core.placement;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.util.Optional;

/**
 * Which phases may take a workload, best first. A brownout beats nothing, so a Degraded data center
 * is a last resort; a data center on Probation passed its recovery probes but may still be
 * flapping, so it comes after even that. Pending, Unreachable, Restoring and Excluded never
 * qualify.
 */
public enum EligibilityTier {
  Healthy,
  BrownoutLastResort,
  ProbationLastResort;

  public static Optional<EligibilityTier> of(DataCenterPhase phase) {
    return switch (phase) {
      case Healthy -> Optional.of(Healthy);
      case Degraded -> Optional.of(BrownoutLastResort);
      case Probation -> Optional.of(ProbationLastResort);
      case Pending, Unreachable, Restoring, Excluded -> Optional.empty();
    };
  }
}
