package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.core.failover.DataCenterView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A DataCenter's status as the failover core sees it. */
final class DataCenterViews {
  private DataCenterViews() {}

  static DataCenterView view(DataCenter dataCenter, Instant now) {
    String name = dataCenter.getMetadata().getName();
    DataCenterStatus status = dataCenter.getStatus();
    if (status == null || status.getPhase() == null) {
      return new DataCenterView(name, DataCenterPhase.Pending, now, null, true, false);
    }
    Instant since =
        Optional.ofNullable(status.getLastTransitionTime()).map(Instant::parse).orElse(now);
    Duration p50 =
        status.getLatency() == null || status.getLatency().getP50Ms() == null
            ? null
            : Duration.ofNanos(Math.round(status.getLatency().getP50Ms() * 1_000_000));
    // Reachable means its latest probe got through: actions sent there now can land.
    boolean reachable =
        status.getConsecutiveSuccesses() != null && status.getConsecutiveSuccesses() > 0;
    return new DataCenterView(name, status.getPhase(), since, p50, true, reachable);
  }
}
