package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.failover.EventReason;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.failover.FailoverAction.RecordFailover;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.InFlightFailover;
import dev.failover.core.failover.RequiredActions;
import dev.failover.operator.clusters.ManagedObjectChange;
import dev.failover.operator.observability.FailoverMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the core's decisions, in two parts. {@link #report} emits a decision's Events (named
 * so that a retry never tells the story twice) and puts its history records into the status, which
 * the reconciler then persists. {@link #act} then moves the world: every action is idempotent, and
 * actions are isolated by data center. The ones a move needs ({@link RequiredActions}) go first; a
 * data center whose action fails gets nothing more this time and is retried with back-off, and
 * never holds up the others. Errors are condensed to one line.
 */
public final class FailoverActionExecutor {
  private static final Logger log = LoggerFactory.getLogger(FailoverActionExecutor.class);

  /** Back-off key of the policy's DNS record, which lives in the hub. */
  static final String TRAFFIC = "DNS";

  private final WorkloadAppliers appliers;
  private final TrafficPublisher traffic;
  private final PolicyEvents events;
  private final FailoverMetrics metrics;
  private final FailoverMoments moments;
  private final RecentlyApplied recentlyApplied;
  private final ActionBackoff backoff;

  public FailoverActionExecutor(
      WorkloadAppliers appliers,
      TrafficPublisher traffic,
      PolicyEvents events,
      FailoverMetrics metrics,
      Clock clock) {
    this(appliers, traffic, events, metrics, FailoverMoments.NONE, clock);
  }

  public FailoverActionExecutor(
      WorkloadAppliers appliers,
      TrafficPublisher traffic,
      PolicyEvents events,
      FailoverMetrics metrics,
      FailoverMoments moments,
      Clock clock) {
    this.appliers = appliers;
    this.traffic = traffic;
    this.events = events;
    this.metrics = metrics;
    this.moments = moments;
    this.recentlyApplied = new RecentlyApplied(clock);
    this.backoff = new ActionBackoff(clock);
  }

  /** A data center (or DNS) whose action failed, or that waits out its back-off until retryAt. */
  record Failure(String target, boolean required, String error, Instant retryAt) {
    String describe() {
      return target + ": " + error;
    }
  }

  /** What {@link #act} could not do; empty when everything is done. */
  record Outcome(List<Failure> failures) {
    Outcome {
      failures = List.copyOf(failures);
    }

    boolean requiredFailed() {
      return failures.stream().anyMatch(Failure::required);
    }

    List<Failure> of(boolean required) {
      return failures.stream().filter(failure -> failure.required() == required).toList();
    }

    /** When the first failing data center may be tried again; empty when none failed. */
    Optional<Instant> nextRetry() {
      return failures.stream().map(Failure::retryAt).min(Instant::compareTo);
    }
  }

  /**
   * Emits the decision's Events, named after the persisted status {@code policy} carries, and adds
   * its history records to {@code status}. {@code beforeEach} runs before each Event (the crash
   * tests' hook). A failed Event is logged and skipped.
   */
  void report(
      FailoverPolicy policy,
      List<FailoverAction> actions,
      FailoverPolicyStatus status,
      Consumer<String> beforeEach) {
    report(policy, actions, status, beforeEach, null);
  }

  /**
   * {@link #report(FailoverPolicy, List, FailoverPolicyStatus, Consumer)}, and the moments people
   * are told of; {@code move} is the move the decision leaves in flight, if any.
   */
  void report(
      FailoverPolicy policy,
      List<FailoverAction> actions,
      FailoverPolicyStatus status,
      Consumer<String> beforeEach,
      InFlightFailover move) {
    Map<String, Integer> ordinals = new HashMap<>();
    for (FailoverAction action : actions) {
      if (action instanceof RecordFailover record) {
        if (PolicyHistory.add(status, record.record())) {
          metrics.completed(
              record.record().reason().name(),
              record.record().from(),
              record.record().to(),
              record.record().measuredRto());
          moments.moved(policy, record.record());
        }
      } else if (action instanceof Emit emit) {
        String reason = emit.reason().name();
        int ordinal = ordinals.merge(reason, 1, Integer::sum) - 1;
        beforeEach.accept("Event " + reason + (ordinal == 0 ? "" : " #" + ordinal));
        String name = PolicyEvents.name(policy, reason, ordinal);
        events.emit(policy, name, reason, emit.message(), emit.reason().warning());
        if (emit.reason() == EventReason.FailoverStarted && move != null) {
          moments.failoverStarted(policy, name, move);
        }
      }
    }
  }

  /**
   * Carries out the actions that change data centers and DNS: those the move needs first, in order,
   * then the bystanders'. {@code beforeEach} runs before each call that is made.
   */
  Outcome act(
      FailoverPolicy policy,
      List<FailoverAction> actions,
      FailoverProgress progress,
      Function<String, DataCenter> dataCenters,
      Consumer<String> beforeEach) {
    Map<String, List<FailoverAction>> required = new LinkedHashMap<>();
    Map<String, List<FailoverAction>> bystanders = new LinkedHashMap<>();
    for (FailoverAction action : actions) {
      Optional<String> target = target(action);
      if (target.isPresent()) {
        (RequiredActions.required(action, progress) ? required : bystanders)
            .computeIfAbsent(target.get(), key -> new ArrayList<>())
            .add(action);
      }
    }
    // Whether an action is required depends on its data center only, so no data center is in both.
    List<Failure> failures = new ArrayList<>();
    required.forEach(
        (target, list) ->
            actOn(policy, target, list, true, dataCenters, beforeEach).ifPresent(failures::add));
    bystanders.forEach(
        (target, list) ->
            actOn(policy, target, list, false, dataCenters, beforeEach).ifPresent(failures::add));
    return new Outcome(failures);
  }

  /** Forgets the back-off of policies that are gone. */
  void retainPolicies(Set<String> policyUids) {
    backoff.retain(policyUids);
  }

  private Optional<Failure> actOn(
      FailoverPolicy policy,
      String target,
      List<FailoverAction> actions,
      boolean required,
      Function<String, DataCenter> dataCenters,
      Consumer<String> beforeEach) {
    String uid = policy.getMetadata().getUid();
    Optional<ActionBackoff.Failing> waiting = backoff.waiting(uid, target);
    if (waiting.isPresent()) {
      return Optional.of(
          new Failure(
              target,
              required,
              waiting.get().error() + " (retrying with back-off)",
              waiting.get().retryAt()));
    }
    try {
      for (FailoverAction action : actions) {
        execute(policy, action, dataCenters, beforeEach);
      }
      backoff.succeeded(uid, target);
      return Optional.empty();
    } catch (RuntimeException e) {
      String error = ActionErrors.condense(e);
      ActionBackoff.Failing failing = backoff.failed(uid, target, error);
      log.warn(
          "{}/{}: {} in {} failed ({}); retrying in {} ms{}",
          policy.getMetadata().getNamespace(),
          policy.getMetadata().getName(),
          required ? "a step of the move" : "keeping a standby",
          target,
          error,
          ActionBackoff.delay(failing.attempts()).toMillis(),
          required ? "" : "; the move goes on");
      log.debug("{} failed", target, e);
      return Optional.of(new Failure(target, required, error, failing.retryAt()));
    }
  }

  private static Optional<String> target(FailoverAction action) {
    if (action instanceof PointTrafficAt) {
      return Optional.of(TRAFFIC);
    }
    return RequiredActions.dataCenterOf(action);
  }

  // Java 17 has no pattern matching for switch; the sealed interface keeps this list complete.
  private void execute(
      FailoverPolicy policy,
      FailoverAction action,
      Function<String, DataCenter> dataCenters,
      Consumer<String> beforeEach) {
    if (action instanceof EnsureWorkload ensure) {
      if (!recentlyApplied.isCurrent(
          policy,
          ensure.dataCenter(),
          ensure.replicas(),
          watchesChanges(policy, dataCenters.apply(ensure.dataCenter())))) {
        beforeEach.accept(action.toString());
        applier(ensure.dataCenter(), dataCenters).ensure(policy, ensure.replicas());
        recentlyApplied.applied(policy, ensure.dataCenter(), ensure.replicas());
      }
    } else if (action instanceof RemoveWorkload remove) {
      beforeEach.accept(action.toString());
      recentlyApplied.forget(policy, remove.dataCenter());
      applier(remove.dataCenter(), dataCenters).remove(policy);
    } else if (action instanceof Fence fence) {
      beforeEach.accept(action.toString());
      recentlyApplied.forget(policy, fence.dataCenter());
      applier(fence.dataCenter(), dataCenters).fence(policy);
    } else if (action instanceof PointTrafficAt point) {
      beforeEach.accept(action.toString());
      DataCenter dataCenter = dataCenters.apply(point.dataCenter());
      if (dataCenter == null) {
        throw new IllegalStateException("no DataCenter " + point.dataCenter());
      }
      traffic.publish(policy, dataCenter);
    } else if (!(action instanceof Emit) && !(action instanceof RecordFailover)) {
      throw new IllegalStateException("unknown action " + action);
    }
  }

  /**
   * One of the operator's objects in a data center was changed or deleted by someone: the policy it
   * is for applies its workload there again at its next decision. A change of readiness alone needs
   * no apply.
   */
  public void changed(ManagedObjectChange change) {
    Map<String, String> labels = change.labels();
    if (change.edited()
        && labels.containsKey(PolicyLabels.NAMESPACE)
        && labels.containsKey(PolicyLabels.NAME)) {
      recentlyApplied.changed(
          labels.get(PolicyLabels.NAMESPACE), labels.get(PolicyLabels.NAME), change.dataCenter());
    }
  }

  /** A deleted policy's apply cache goes with it. */
  public void forget(FailoverPolicy policy) {
    recentlyApplied.forget(policy);
  }

  /**
   * Whether a change to the workload's objects in every one of these data centers is told as it
   * happens (their copies are watched), so nothing there needs a poll to be seen.
   */
  public boolean watchesChangesEverywhere(
      FailoverPolicy policy, Collection<DataCenter> dataCenters) {
    return dataCenters.stream().allMatch(dataCenter -> watchesChanges(policy, dataCenter));
  }

  private boolean watchesChanges(FailoverPolicy policy, DataCenter dataCenter) {
    return dataCenter != null
        && appliers.in(dataCenter).map(a -> a.watchesChangesOf(policy)).orElse(false);
  }

  private WorkloadApplier applier(String dataCenter, Function<String, DataCenter> dataCenters) {
    return appliers.at(dataCenters.apply(dataCenter));
  }
}
