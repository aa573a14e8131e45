package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * One blackout as one policy lived it: from the cut to detection, and from detection to traffic on
 * the new data center (its Deployment Available there and its DNS record pointing there).
 */
record BlackoutSample(String standby, String from, String to, long detectionMs, long beyondMs) {

  static BlackoutSample of(String standby, Instant cut, FailoverRecord failover) {
    Instant detected = Instant.parse(failover.getDetectedAt());
    Instant completed = Instant.parse(failover.getCompletedAt());
    return new BlackoutSample(
        standby,
        failover.getFrom(),
        failover.getTo(),
        Duration.between(cut, detected).toMillis(),
        Duration.between(detected, completed).toMillis());
  }

  long rtoMs() {
    return detectionMs + beyondMs;
  }
}
