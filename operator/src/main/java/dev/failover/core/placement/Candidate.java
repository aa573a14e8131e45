package dev.failover.core.placement;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.util.Objects;

/**
 * One data center as a possible home for a policy's workload.
 *
 * @param p50Latency the measured median probe latency; null when not measured yet
 * @param fencePending this policy was active there when it became unreachable and has not fenced it
 *     since, so it must not take the workload again before the fence
 */
public record Candidate(
    String name,
    DataCenterPhase phase,
    Duration p50Latency,
    boolean hasSpareCapacity,
    boolean fencePending) {

  public Candidate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
  }
}
