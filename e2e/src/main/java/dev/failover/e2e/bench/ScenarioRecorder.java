package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.PolicyWatch;
import dev.failover.testbed.Sleep;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Watches a world through one scenario of the false-positive benchmark: polls every data center's
 * phase and every policy's status, and notes each change as an event, each move of a workload in a
 * {@link MoveLedger}. Whoever disturbs the link notes what it did here too.
 */
final class ScenarioRecorder {
  private static final Duration POLL = Duration.ofMillis(250);

  private final FailoverWorld world;
  private final String scenario;
  private final Map<String, PolicyWatch> policies;
  private final MoveLedger moves;
  private final List<FalsePositiveEvent> events = new ArrayList<>();
  private final Map<String, DataCenterPhase> phases = new HashMap<>();
  private final Map<String, String> active = new HashMap<>();

  ScenarioRecorder(
      FailoverWorld world, String scenario, Map<String, PolicyWatch> policies, Instant since) {
    this.world = world;
    this.scenario = scenario;
    this.policies = new LinkedHashMap<>(policies);
    this.moves = new MoveLedger(since);
  }

  void note(String kind, String subject, String detail) {
    note(Instant.now(), kind, subject, detail);
  }

  /** Notes something that began at {@code at}, e.g. a drop noted once it is over. */
  synchronized void note(Instant at, String kind, String subject, String detail) {
    events.add(new FalsePositiveEvent(at, scenario, kind, subject, detail));
  }

  /** Polls until {@code end}. */
  void watchUntil(Instant end) {
    watchUntil(end, () -> false);
  }

  /** Polls until {@code done} holds after a poll, or until {@code end}; says which. */
  boolean watchUntil(Instant end, BooleanSupplier done) {
    while (Instant.now().isBefore(end)) {
      poll();
      if (done.getAsBoolean()) {
        return true;
      }
      Sleep.of(POLL);
    }
    return false;
  }

  /** The phase the data center had at the last poll; null before it was read. */
  synchronized DataCenterPhase phase(String dataCenter) {
    return phases.get(dataCenter);
  }

  /** The names of the policies watched. */
  List<String> policies() {
    return List.copyOf(policies.keySet());
  }

  MoveLedger moves() {
    return moves;
  }

  synchronized List<FalsePositiveEvent> events() {
    return List.copyOf(events);
  }

  /** The data center's phases in the order it went through them, the first one it had included. */
  synchronized List<String> phasesOf(String dataCenter) {
    return events.stream()
        .filter(event -> event.kind().equals("phase") && event.subject().equals(dataCenter))
        .map(event -> event.detail().split(":", 2)[0])
        .toList();
  }

  /**
   * When and why the data center went Degraded or Unreachable: the verdicts that can move
   * workloads, as its status message gave them.
   */
  synchronized List<String> alarmsOf(String dataCenter) {
    return events.stream()
        .filter(event -> event.kind().equals("phase") && event.subject().equals(dataCenter))
        .filter(
            event ->
                event.detail().startsWith(DataCenterPhase.Degraded + ":")
                    || event.detail().startsWith(DataCenterPhase.Unreachable + ":"))
        .map(event -> event.at() + " " + event.detail())
        .toList();
  }

  private void poll() {
    for (DataCenterPlan plan : world.plans()) {
      try {
        DataCenter resource = world.dataCenterResource(plan.name());
        DataCenterPhase phase =
            resource == null || resource.getStatus() == null
                ? null
                : resource.getStatus().getPhase();
        if (phase != null && phase != phase(plan.name())) {
          synchronized (this) {
            phases.put(plan.name(), phase);
          }
          note("phase", plan.name(), phase + ": " + resource.getStatus().getMessage());
        }
      } catch (KubernetesClientException e) {
        note("poll-error", plan.name(), e.getMessage());
      }
    }
    policies.forEach(this::poll);
  }

  private void poll(String name, PolicyWatch policy) {
    FailoverPolicyStatus status;
    try {
      status = policy.status().orElse(null);
    } catch (KubernetesClientException e) {
      note("poll-error", name, e.getMessage());
      return;
    }
    if (status == null) {
      return;
    }
    if (!Objects.equals(
        status.getActiveDataCenter(), active.put(name, status.getActiveDataCenter()))) {
      note("active", name, String.valueOf(status.getActiveDataCenter()));
    }
    for (MoveLedger.Move move : moves.observe(name, status)) {
      note(move.type().name().toLowerCase(java.util.Locale.ROOT), name, move.describe());
    }
  }
}
