package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.datacenter.LatencyPercentiles;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeResult;
import dev.failover.operator.status.StatusConditions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Turns the live health of a data center into its status, and a stored status back into a seed. */
public final class DataCenterStatusMapper {
  private DataCenterStatusMapper() {}

  /**
   * @param measured the latest capacity measurement; when empty, the one already in status stays
   */
  static DataCenterStatus toStatus(
      DataCenter dataCenter, HealthState health, Optional<CapacitySnapshot> measured, Instant now) {
    DataCenterStatus previous = dataCenter.getStatus();
    DataCenterStatus status = new DataCenterStatus();
    StatusConditions.observed(status, dataCenter.getMetadata().getGeneration());
    status.setPhase(health.phase());
    status.setConsecutiveFailures(health.consecutiveFailures());
    status.setConsecutiveSuccesses(health.consecutiveSuccesses());
    status.setErrorRatePercent(round(health.errorRatePercent()));
    status.setLastTransitionTime(millis(health.phaseSince()));
    status.setMessage(health.reason());
    health.latency().ifPresent(latency -> status.setLatency(latency(latency)));
    health
        .window()
        .newest()
        .map(ProbeResult::at)
        .map(DataCenterStatusMapper::millis)
        .ifPresent(status::setLastProbeTime);
    measured
        .or(() -> CapacityStatusMapper.fromStatus(previous == null ? null : previous.getCapacity()))
        .map(
            snapshot ->
                CapacityStatusMapper.toStatus(
                    snapshot, CapacityStatusMapper.reservePercent(dataCenter)))
        .ifPresent(status::setCapacity);
    boolean ready = health.phase() == DataCenterPhase.Healthy;
    StatusConditions.set(
        status, previous, ConditionTypes.READY, ready, health.phase().name(), health.reason(), now);
    return status;
  }

  /** The last known phase, so a restarted operator does not forget a blackout. */
  public static HealthState seed(DataCenter dataCenter, Instant now) {
    DataCenterStatus status = dataCenter.getStatus();
    if (status == null || status.getPhase() == null) {
      return HealthState.initial(now);
    }
    Instant since =
        status.getLastTransitionTime() == null
            ? now
            : Instant.parse(status.getLastTransitionTime());
    return HealthState.restored(
        status.getPhase(),
        since,
        zeroIfNull(status.getConsecutiveFailures()),
        zeroIfNull(status.getConsecutiveSuccesses()),
        status.getMessage());
  }

  private static LatencyPercentiles latency(dev.failover.core.health.LatencyPercentiles measured) {
    LatencyPercentiles latency = new LatencyPercentiles();
    latency.setP50Ms(millis(measured.p50()));
    latency.setP95Ms(millis(measured.p95()));
    latency.setP99Ms(millis(measured.p99()));
    return latency;
  }

  private static double millis(Duration duration) {
    return round(duration.toNanos() / 1_000_000.0);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }

  /** Milliseconds matter: a policy's measured RTO starts at this data center's phase change. */
  private static String millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
