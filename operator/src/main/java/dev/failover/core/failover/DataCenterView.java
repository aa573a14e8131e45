package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One data center as the reconciler observed it for one policy.
 *
 * @param phaseSince when it entered {@code phase}; a blackout's detection time
 * @param p50Latency median probe latency; null when not measured
 * @param hasSpareCapacity it can take this policy's workload as far as capacity goes, by the rule
 *     of {@link dev.failover.core.capacity}; unknown capacity counts as spare
 * @param reachable whether the operator can talk to its API server right now, so actions there can
 *     succeed and observations are current. An Excluded data center may well be reachable.
 */
public record DataCenterView(
    String name,
    DataCenterPhase phase,
    Instant phaseSince,
    Duration p50Latency,
    boolean hasSpareCapacity,
    boolean reachable) {

  public DataCenterView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(phaseSince, "phaseSince");
  }
}
