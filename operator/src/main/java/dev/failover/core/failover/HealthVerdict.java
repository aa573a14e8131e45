package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Instant;
import java.util.Objects;

/** One judgement of a data center for one policy: its phase and since when. */
public record HealthVerdict(DataCenterPhase phase, Instant since) {
  public HealthVerdict {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(since, "since");
  }
}
