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
   * @param kubeconfig what is wrong with the kubeconfig now in the Secret, while the data center is
   *     still reached with the one read before
   */
  static DataCenterStatus toStatus(
      DataCenter dataCenter,
      HealthState health,
      Optional<CapacitySnapshot> measured,
      Optional<KubeconfigProblem> kubeconfig,
      Instant now) {
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
    Optional<String> rejected = health.credentialFaultMessage();
    if (rejected.isPresent()) {
      // The phase is the last one the probes could judge; Ready says the operator cannot act.
      String why = "the API server turned the operator away: " + rejected.get();
      StatusConditions.set(
          status, previous, ConditionTypes.READY, false, CREDENTIALS_REJECTED, why, now);
    } else {
      boolean ready = health.phase() == DataCenterPhase.Healthy;
      StatusConditions.set(
          status,
          previous,
          ConditionTypes.READY,
          ready,
          health.phase().name(),
          health.reason(),
          now);
    }
    setCredentials(status, previous, kubeconfig, rejected, now);
    return status;
  }

  /** Reason of CredentialsValid=False (and Ready=False) when the API server rejects a probe. */
  static final String CREDENTIALS_REJECTED = "CredentialsRejected";

  /** A kubeconfig problem first (it is what a person changed last), then the server's verdict. */
  private static void setCredentials(
      DataCenterStatus status,
      DataCenterStatus previous,
      Optional<KubeconfigProblem> kubeconfig,
      Optional<String> rejected,
      Instant now) {
    if (kubeconfig.isPresent()) {
      StatusConditions.set(
          status,
          previous,
          ConditionTypes.CREDENTIALS_VALID,
          false,
          kubeconfig.get().reason(),
          kubeconfig.get().message() + "; still using the kubeconfig read before",
          now);
    } else if (rejected.isPresent()) {
      StatusConditions.set(
          status,
          previous,
          ConditionTypes.CREDENTIALS_VALID,
          false,
          CREDENTIALS_REJECTED,
          rejected.get(),
          now);
    } else {
      StatusConditions.set(
          status,
          previous,
          ConditionTypes.CREDENTIALS_VALID,
          true,
          "Accepted",
          "the kubeconfig is usable and the API server has not rejected it",
          now);
    }
  }

  /** The status of a data center with no usable kubeconfig at all: Pending, and why. */
  static DataCenterStatus unconfigured(
      DataCenter dataCenter, KubeconfigProblem problem, Instant now) {
    DataCenterStatus previous = dataCenter.getStatus();
    DataCenterStatus status = new DataCenterStatus();
    StatusConditions.observed(status, dataCenter.getMetadata().getGeneration());
    status.setPhase(DataCenterPhase.Pending);
    status.setMessage(problem.message());
    StatusConditions.set(
        status, previous, ConditionTypes.READY, false, problem.reason(), problem.message(), now);
    StatusConditions.set(
        status,
        previous,
        ConditionTypes.CREDENTIALS_VALID,
        false,
        problem.reason(),
        problem.message(),
        now);
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
