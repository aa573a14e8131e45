package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.testbed.Sleep;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One drafted policy in its own hub namespace, applied to a world whose operator runs: apply it
 * (again, changed), wait for it to settle or move, read its Events and where its workload runs.
 * Every failed wait carries the operator's log tail. {@link #close()} deletes the policy and, with
 * the last policy in it, its namespace.
 */
public final class PolicyUnderTest implements AutoCloseable {
  private static final int LOG_LINES = 80;

  private final FailoverWorld world;
  private final OperatorProcess operator;
  private final String namespace;
  private final String name;
  private final PolicyDraft draft;
  private final PolicyWatch watch;
  private final PolicyEventLog events;

  private PolicyUnderTest(FailoverWorld world, OperatorProcess operator, PolicyDraft draft) {
    this.world = world;
    this.operator = operator;
    this.namespace = draft.namespace();
    this.name = draft.name();
    this.draft = draft;
    this.watch = new PolicyWatch(world, namespace, name);
    this.events = new PolicyEventLog(world, namespace, name);
  }

  /**
   * Deletes a policy of the same name left by an earlier run, creates the namespace, and applies
   * the draft.
   */
  public static PolicyUnderTest apply(
      FailoverWorld world, OperatorProcess operator, PolicyDraft draft) {
    PolicyUnderTest policy = new PolicyUnderTest(world, operator, draft);
    draft.deleteFrom(world);
    ServerSideApply.namespace(world.hub(), draft.namespace());
    policy.apply(draft);
    return policy;
  }

  /**
   * Applies the draft into a namespace the test has prepared, with a rider in it say, and leaves
   * the namespace as it is: {@link #apply(FailoverWorld, OperatorProcess, PolicyDraft)} would
   * delete an empty one first, rider and all.
   */
  public static PolicyUnderTest applyInto(
      FailoverWorld world, OperatorProcess operator, PolicyDraft draft) {
    PolicyUnderTest policy = new PolicyUnderTest(world, operator, draft);
    policy.apply(draft);
    return policy;
  }

  /** Applies the draft (server-side, as a GitOps tool would); returns what the hub stored. */
  public FailoverPolicy apply(PolicyDraft draft) {
    if (!draft.namespace().equals(namespace) || !draft.name().equals(name)) {
      throw new IllegalArgumentException("a draft of another policy: " + draft);
    }
    return world.apply(draft.build());
  }

  public PolicyWatch watch() {
    return watch;
  }

  public PolicyEventLog events() {
    return events;
  }

  public OperatorProcess operator() {
    return operator;
  }

  public FailoverPolicyStatus status() {
    return watch.status().orElseThrow(() -> new AssertionError(this + " has no status"));
  }

  /** Waits until the policy is Active in the data center with no move under way. */
  public FailoverPolicyStatus awaitActiveIn(String dataCenter, Duration timeout) {
    return explained(() -> watch.awaitActiveIn(dataCenter, timeout));
  }

  /**
   * Waits until the policy has settled in {@code dataCenter} after a move there for {@code reason}
   * (a core FailoverReason name such as Brownout, Exclusion, ManualFailover, AutomaticFailback).
   */
  public FailoverPolicyStatus awaitMovedTo(String dataCenter, String reason, Duration timeout) {
    return await(
        "moved to " + dataCenter + " for " + reason,
        status -> {
          FailoverRecord last = status.getLastFailover();
          return settledIn(dataCenter).test(status)
              && last != null
              && dataCenter.equals(last.getTo())
              && reason.equals(last.getReason());
        },
        timeout);
  }

  /** Waits until the operator has seen the policy's current spec (its generation). */
  public FailoverPolicyStatus awaitObservedGeneration(long generation, Duration timeout) {
    return await(
        "observed at generation " + generation,
        status ->
            status.getObservedGeneration() != null && status.getObservedGeneration() >= generation,
        timeout);
  }

  public FailoverPolicyStatus await(
      String what, Predicate<FailoverPolicyStatus> condition, Duration timeout) {
    return explained(
        () -> {
          try {
            return watch.await(what, condition, timeout);
          } catch (AssertionError e) {
            throw new AssertionError(
                e.getMessage()
                    + "\nEvents:\n"
                    + events.describe()
                    + "\nData centers:\n"
                    + dataCenters(),
                e);
          }
        });
  }

  /**
   * Fails if, at any moment during {@code period}, the policy is not settled (Active, no move under
   * way) in {@code dataCenter}.
   */
  public FailoverPolicyStatus staysIn(String dataCenter, Duration period) {
    return explained(
        () ->
            Steady.holds(
                "policy " + this + " to stay settled in " + dataCenter,
                period,
                this::status,
                settledIn(dataCenter),
                status ->
                    Serialization.asJson(status)
                        + "\nEvents:\n"
                        + events.describe()
                        + "\nData centers:\n"
                        + dataCenters()));
  }

  /** spec.replicas of the workload's Deployment in every data center of the world; -1: absent. */
  public Map<String, Integer> replicasByDataCenter() {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (DataCenterPlan plan : world.plans()) {
      replicas.put(plan.name(), watch.replicas(plan.name(), draft.deployment()));
    }
    return replicas;
  }

  /**
   * Waits until the workload runs at full size in {@code active} only and at zero in every other
   * data center of the world: the picture of a Warm standby that has settled.
   */
  public Map<String, Integer> awaitServingOnlyIn(String active, Duration timeout) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (DataCenterPlan plan : world.plans()) {
      expected.put(plan.name(), plan.name().equals(active) ? PolicyDraft.REPLICAS : 0);
    }
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Integer> seen = replicasByDataCenter();
    while (!seen.equals(expected)) {
      if (Instant.now().isAfter(deadline)) {
        Map<String, Integer> last = seen;
        explained(
            () -> {
              throw new AssertionError(
                  "the workload of "
                      + this
                      + " did not run in "
                      + active
                      + " only within "
                      + timeout
                      + ": replicas "
                      + last
                      + ", expected "
                      + expected);
            });
      }
      Sleep.of(Duration.ofMillis(200));
      seen = replicasByDataCenter();
    }
    return seen;
  }

  /** The history entries (newest first) of this type: Failover or Failback. */
  public List<FailoverRecord> history(String type) {
    List<FailoverRecord> history = status().getHistory();
    return history == null
        ? List.of()
        : history.stream()
            .filter(record -> record.getType() != null && type.equals(record.getType().name()))
            .toList();
  }

  /** One line per data center of the world: phase, p50 latency, message. */
  public String dataCenters() {
    StringBuilder lines = new StringBuilder();
    for (DataCenterPlan plan : world.plans()) {
      DataCenter dataCenter = world.dataCenterResource(plan.name());
      DataCenterStatus status = dataCenter == null ? null : dataCenter.getStatus();
      lines.append("  ").append(plan.name()).append(": ");
      if (status == null) {
        lines.append("no status\n");
        continue;
      }
      lines
          .append(status.getPhase())
          .append(", p50 ")
          .append(status.getLatency() == null ? "-" : status.getLatency().getP50Ms() + "ms")
          .append(", since ")
          .append(status.getLastTransitionTime())
          .append(", ")
          .append(status.getMessage())
          .append('\n');
    }
    return lines.toString();
  }

  /** Runs the check; a failure gets the operator's log tail. */
  public <T> T explained(Supplier<T> check) {
    return Steady.explained(operator, LOG_LINES, check);
  }

  /**
   * Deletes the policy, and its namespace with the last policy in it ({@link
   * PolicyDraft#deleteFrom}); fails if something stays behind.
   */
  @Override
  public void close() {
    draft.deleteFrom(world);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }

  private static Predicate<FailoverPolicyStatus> settledIn(String dataCenter) {
    return status ->
        status.getPhase() == FailoverPhase.Active
            && status.getCurrentStep() == null
            && dataCenter.equals(status.getActiveDataCenter());
  }
}
