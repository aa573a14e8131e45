package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.ManagedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A policy's objects leave the data centers with it: those dropped from its manifests on every
 * reconcile, all of them when the policy is deleted. Only objects carrying the policy's labels are
 * deleted.
 *
 * <p>A data center that cannot be reached keeps the work: a dropped object stays in
 * status.managedObjects until it is gone everywhere, and a deleted policy keeps its finalizer while
 * it waits, with a Ready=False "Deleting" condition naming the data centers. The wait is bounded by
 * {@link #WAIT_FOR_UNREACHABLE} from the deletion, and the annotation {@value #ABANDON_ANNOTATION}:
 * "true" ends it at once. Either way a Warning Event (WorkloadLeftBehind) then names the data
 * centers whose copy was left, with the label selector that finds it. A name with no DataCenter can
 * never be reached again, so nothing waits for it.
 */
public final class PolicyCleanup {
  public static final String ABANDON_ANNOTATION = "failover.dev/abandon-unreachable";
  static final Duration WAIT_FOR_UNREACHABLE = Duration.ofMinutes(10);
  static final Duration RETRY = Duration.ofSeconds(5);

  private final WorkloadRemoval removal;
  private final PolicyEvents events;
  private final Consumer<FailoverPolicy> forgetInMemoryState;
  private final Clock clock;

  /**
   * @param forgetInMemoryState drops what the operator keeps in memory for a deleted policy (apply
   *     caches, per-policy meters)
   */
  public PolicyCleanup(
      WorkloadAppliers appliers,
      PolicyEvents events,
      Consumer<FailoverPolicy> forgetInMemoryState,
      Clock clock) {
    this.removal = new WorkloadRemoval(appliers, clock);
    this.events = events;
    this.forgetInMemoryState = forgetInMemoryState;
    this.clock = clock;
  }

  /**
   * Deletes the objects dropped from the manifests wherever they can be reached.
   *
   * @return the new status.managedObjects: what is declared, plus what was dropped and may still
   *     exist in a data center that could not be reached
   */
  List<ManagedObject> pruneDropped(
      FailoverPolicy policy,
      FailoverPolicyStatus stored,
      Map<String, Optional<DataCenter>> dataCenters) {
    List<ManagedObject> declared = ManagedObjects.declared(policy);
    List<ManagedObject> dropped =
        ManagedObjects.dropped(policy, stored == null ? null : stored.getManagedObjects());
    WorkloadRemoval.Outcome outcome = removal.remove(policy, dropped, dataCenters);
    return ManagedObjects.union(declared, outcome.notReached().isEmpty() ? List.of() : dropped);
  }

  /** Deletes all the policy's objects; says whether to keep the finalizer and wait. */
  Verdict removeEverywhere(FailoverPolicy policy, Map<String, Optional<DataCenter>> dataCenters) {
    FailoverPolicyStatus status = policy.getStatus();
    List<ManagedObject> all =
        ManagedObjects.union(
            ManagedObjects.declared(policy),
            status == null || status.getManagedObjects() == null
                ? List.of()
                : status.getManagedObjects());
    WorkloadRemoval.Outcome outcome = removal.remove(policy, all, dataCenters);
    Instant deadline = deletedAt(policy).plus(WAIT_FOR_UNREACHABLE);
    if (!outcome.notReached().isEmpty()
        && !abandoned(policy)
        && clock.instant().isBefore(deadline)) {
      return new Verdict(
          true,
          "Deleting: waiting for "
              + String.join(", ", outcome.notReached())
              + " to answer, to delete the workload there; at "
              + deadline
              + " the policy goes anyway and leaves that copy (annotate "
              + ABANDON_ANNOTATION
              + "=true to stop waiting now)");
    }
    List<String> leftIn = new ArrayList<>(outcome.notReached());
    leftIn.addAll(outcome.gone());
    if (!leftIn.isEmpty()) {
      events.emit(
          policy,
          "WorkloadLeftBehind",
          "The policy is deleted but its workload may still run in "
              + String.join(", ", leftIn)
              + ", which could not be reached; find it there with kubectl get all -n "
              + policy.getMetadata().getNamespace()
              + " -l "
              + PolicyLabels.NAME
              + "="
              + PolicyLabels.labelValue(policy.getMetadata().getName()),
          true);
    }
    forgetInMemoryState.accept(policy);
    return new Verdict(false, "");
  }

  private Instant deletedAt(FailoverPolicy policy) {
    String timestamp = policy.getMetadata().getDeletionTimestamp();
    return timestamp == null ? clock.instant() : OffsetDateTime.parse(timestamp).toInstant();
  }

  private static boolean abandoned(FailoverPolicy policy) {
    Map<String, String> annotations = policy.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(ABANDON_ANNOTATION));
  }

  /** Whether to keep the finalizer and look again, and what to tell people meanwhile. */
  record Verdict(boolean waiting, String message) {}
}
