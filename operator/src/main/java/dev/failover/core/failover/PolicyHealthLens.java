package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.util.Optional;

/**
 * How one policy sees one data center. The data center's own probes give the base view. A policy
 * with its own detection settings judges the same API-server probes with them instead, which may be
 * stricter or looser. A workload health endpoint that stopped answering (or slowed down) makes the
 * data center as bad as the endpoint, for this policy only. Pending and Excluded are the data
 * center's own business and always stay.
 */
public final class PolicyHealthLens {
  private PolicyHealthLens() {}

  /**
   * @param detection the policy's verdict on the API-server probes; empty when the policy has no
   *     detection settings of its own, ignored while still Pending
   * @param endpoint the workload endpoint's verdict where it counts; only a bad one changes the
   *     view
   */
  public static DataCenterView apply(
      DataCenterView base, Optional<HealthVerdict> detection, Optional<HealthVerdict> endpoint) {
    if (base.phase() == DataCenterPhase.Pending || base.phase() == DataCenterPhase.Excluded) {
      return base;
    }
    HealthVerdict seen =
        detection
            .filter(verdict -> verdict.phase() != DataCenterPhase.Pending)
            .orElse(new HealthVerdict(base.phase(), base.phaseSince()));
    Optional<HealthVerdict> worse =
        endpoint.filter(verdict -> severity(verdict.phase()) > severity(seen.phase()));
    HealthVerdict result = worse.orElse(seen);
    if (result.phase() == base.phase() && result.since().equals(base.phaseSince())) {
      return base;
    }
    return new DataCenterView(
        base.name(),
        result.phase(),
        result.since(),
        base.p50Latency(),
        base.hasSpareCapacity(),
        base.reachable());
  }

  /**
   * Worse is higher. A brownout still serves, so it is better than a data center that has only just
   * come back (Probation, Restoring), as in the core's eligibility tiers; Pending and Excluded
   * never come from a policy's own judgement.
   */
  static int severity(DataCenterPhase phase) {
    return switch (phase) {
      case Healthy, Pending, Excluded -> 0;
      case Degraded -> 1;
      case Probation -> 2;
      case Restoring -> 3;
      case Unreachable -> 4;
    };
  }
}
