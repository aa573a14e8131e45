package dev.failover.core.failover;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The persisted part of a policy's failover state (it lives in the policy status), so a restarted
 * operator resumes where the previous one stopped.
 *
 * @param activeDataCenter where traffic goes; null before the first placement
 * @param activeReason why the workload is in the active data center; a manual failover suppresses
 *     automatic failback until the next move
 * @param currentStep the step of the move in flight; null when none is
 * @param inFlight the move in flight; null when none is
 * @param lastHandledActionId the id of the last manual action acted on or rejected
 * @param earlierActionIds ids handled before it, newest first, at most {@value
 *     #EARLIER_ACTION_IDS}; an id in either is never acted on again, so a GitOps revert to an old
 *     action does nothing
 * @param awaitingFence data centers this policy was active in when they became unreachable; each is
 *     scaled to zero on its return before it may take the workload again
 */
public record FailoverProgress(
    FailoverPhase phase,
    String activeDataCenter,
    FailoverReason activeReason,
    FailoverStep currentStep,
    InFlightFailover inFlight,
    String lastHandledActionId,
    Set<String> awaitingFence,
    List<String> earlierActionIds) {

  /** How many handled action ids are kept besides the last one. */
  public static final int EARLIER_ACTION_IDS = 19;

  public FailoverProgress {
    Objects.requireNonNull(phase, "phase");
    SortedSet<String> sorted = new TreeSet<>(awaitingFence == null ? Set.of() : awaitingFence);
    awaitingFence = Collections.unmodifiableSortedSet(sorted);
    earlierActionIds = earlierActionIds == null ? List.of() : List.copyOf(earlierActionIds);
  }

  /** Progress with no action ids remembered before the last one. */
  public FailoverProgress(
      FailoverPhase phase,
      String activeDataCenter,
      FailoverReason activeReason,
      FailoverStep currentStep,
      InFlightFailover inFlight,
      String lastHandledActionId,
      Set<String> awaitingFence) {
    this(
        phase,
        activeDataCenter,
        activeReason,
        currentStep,
        inFlight,
        lastHandledActionId,
        awaitingFence,
        List.of());
  }

  /** Whether the action id was acted on or rejected already. */
  public boolean hasHandled(String actionId) {
    return actionId.equals(lastHandledActionId) || earlierActionIds.contains(actionId);
  }

  /** A policy that has never been placed. */
  public static FailoverProgress initial() {
    return new FailoverProgress(FailoverPhase.Pending, null, null, null, null, null, Set.of());
  }

  public FailoverProgress inPhase(FailoverPhase next) {
    return new FailoverProgress(
        next,
        activeDataCenter,
        activeReason,
        currentStep,
        inFlight,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  public FailoverProgress atStep(FailoverStep step) {
    return new FailoverProgress(
        phase,
        activeDataCenter,
        activeReason,
        step,
        inFlight,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  public FailoverProgress withInFlight(InFlightFailover move) {
    return new FailoverProgress(
        phase,
        activeDataCenter,
        activeReason,
        currentStep,
        move,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  public FailoverProgress startingMove(
      FailoverPhase movingPhase, FailoverStep step, InFlightFailover move) {
    return new FailoverProgress(
        movingPhase,
        activeDataCenter,
        activeReason,
        step,
        move,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  /** Traffic now belongs to {@code dataCenter}; the move goes on. */
  public FailoverProgress activeIn(String dataCenter) {
    return new FailoverProgress(
        phase,
        dataCenter,
        activeReason,
        currentStep,
        inFlight,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  /** No move in flight: Active in {@code dataCenter} because of {@code reason}. */
  public FailoverProgress settledIn(String dataCenter, FailoverReason reason) {
    return new FailoverProgress(
        FailoverPhase.Active,
        dataCenter,
        reason,
        null,
        null,
        lastHandledActionId,
        awaitingFence,
        earlierActionIds);
  }

  public FailoverProgress handled(String actionId) {
    List<String> earlier = new ArrayList<>();
    if (lastHandledActionId != null && !lastHandledActionId.equals(actionId)) {
      earlier.add(lastHandledActionId);
    }
    earlierActionIds.stream().filter(id -> !id.equals(actionId)).forEach(earlier::add);
    return new FailoverProgress(
        phase,
        activeDataCenter,
        activeReason,
        currentStep,
        inFlight,
        actionId,
        awaitingFence,
        earlier.subList(0, Math.min(earlier.size(), EARLIER_ACTION_IDS)));
  }

  public FailoverProgress awaitingFenceOf(String dataCenter) {
    Set<String> more = new TreeSet<>(awaitingFence);
    more.add(dataCenter);
    return new FailoverProgress(
        phase,
        activeDataCenter,
        activeReason,
        currentStep,
        inFlight,
        lastHandledActionId,
        more,
        earlierActionIds);
  }

  public FailoverProgress fenceConfirmed(String dataCenter) {
    Set<String> fewer = new TreeSet<>(awaitingFence);
    fewer.remove(dataCenter);
    return new FailoverProgress(
        phase,
        activeDataCenter,
        activeReason,
        currentStep,
        inFlight,
        lastHandledActionId,
        fewer,
        earlierActionIds);
  }
}
