package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.HealthVerdict;
import dev.failover.core.health.HealthState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Endpoint health to status and back: status is what survives an operator restart. */
final class EndpointEntries {
  private EndpointEntries() {}

  static WorkloadEndpointHealth probing(String dataCenter, HealthState state, boolean answered) {
    WorkloadEndpointHealth entry = new WorkloadEndpointHealth();
    entry.setDataCenter(dataCenter);
    entry.setPhase(state.phase());
    entry.setSince(millis(state.phaseSince()));
    entry.setProbing(true);
    entry.setAnswered(answered);
    entry.setConsecutiveFailures(state.consecutiveFailures());
    state
        .latency()
        .ifPresent(
            latency -> entry.setP50Ms(Math.round(latency.p50().toNanos() / 100_000.0) / 10.0));
    entry.setMessage(
        answered
            ? state.reason()
            : "has not answered yet; an endpoint that never answered moves nothing");
    return entry;
  }

  /** A bad verdict kept while the workload does not run in the data center. */
  static WorkloadEndpointHealth kept(String dataCenter, HealthVerdict verdict) {
    WorkloadEndpointHealth entry = new WorkloadEndpointHealth();
    entry.setDataCenter(dataCenter);
    entry.setPhase(verdict.phase());
    entry.setSince(millis(verdict.since()));
    entry.setProbing(false);
    entry.setAnswered(true);
    entry.setMessage(
        "the workload's endpoint was "
            + verdict.phase()
            + " when the workload last ran here, and is not probed while it does not; a manual"
            + " FailoverTo "
            + dataCenter
            + " (or Failback, for the primary) tries it again");
    return entry;
  }

  /** A kept verdict from status; empty for an entry that was being probed or is not bad. */
  static Optional<HealthVerdict> keptVerdict(WorkloadEndpointHealth entry) {
    if (entry == null
        || !Boolean.FALSE.equals(entry.getProbing())
        || !isBad(entry.getPhase())
        || entry.getSince() == null) {
      return Optional.empty();
    }
    return Optional.of(new HealthVerdict(entry.getPhase(), Instant.parse(entry.getSince())));
  }

  /** Where a restarted operator's probe loop starts: the phase it had, without its samples. */
  static HealthState seed(WorkloadEndpointHealth entry, Instant now) {
    if (entry == null || entry.getPhase() == null || entry.getSince() == null) {
      return HealthState.initial(now);
    }
    return HealthState.restored(
        entry.getPhase(),
        Instant.parse(entry.getSince()),
        entry.getConsecutiveFailures() == null ? 0 : entry.getConsecutiveFailures(),
        0,
        entry.getMessage());
  }

  /** Where a loop starts again in a data center whose bad verdict was kept. */
  static HealthState seedFromKept(HealthVerdict verdict) {
    return HealthState.restored(
        verdict.phase(), verdict.since(), 0, 0, "kept from when the workload last ran here");
  }

  /** Unreachable or slow: the verdicts worth keeping when probing stops. */
  static boolean isBad(DataCenterPhase phase) {
    return phase == DataCenterPhase.Unreachable || phase == DataCenterPhase.Degraded;
  }

  private static String millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
