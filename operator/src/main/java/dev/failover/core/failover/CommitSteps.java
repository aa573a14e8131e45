package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.FenceOldActive;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.Record;

import dev.failover.core.DurationText;
import java.time.Instant;
import java.util.Optional;

/**
 * The steps from the switch on, when the move is committed: SwitchTraffic, FenceOldActive and
 * Record. Each returns whether it finished, so the next step may run at once.
 */
final class CommitSteps {

  /** From here the move is committed: the target is marked active and traffic follows it. */
  boolean switchTraffic(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    draft.progress(draft.progress().activeIn(move.to()));
    if (!move.to().equals(draft.situation().trafficTarget())) {
      return false;
    }
    InFlightFailover switched =
        move.completedAt() == null ? move.withCompletedAt(draft.situation().now()) : move;
    draft.progress(
        draft
            .progress()
            .withInFlight(switched)
            .atStep(move.isInitialPlacement() ? Record : FenceOldActive));
    return true;
  }

  /**
   * A reachable old active is scaled to zero now (by {@link WorkloadPlan}) and the move waits to
   * see it. An unreachable one cannot be fenced now: it joins awaitingFence, to be fenced on its
   * return before it may take traffic again, and the move goes on.
   */
  boolean fenceOldActive(DecisionDraft draft) {
    String from = draft.move().from();
    if (from == null) {
      // Nothing was active before (a first placement, or a hand-edited status): nothing to fence.
      draft.progress(draft.progress().atStep(Record));
      return true;
    }
    PolicySituation situation = draft.situation();
    Optional<WorkloadObservation> observed = situation.workload(from);
    if (situation.reachable(from) && observed.isPresent()) {
      if (observed.get().fenced()) {
        draft.progress(draft.progress().atStep(Record));
        return true;
      }
      return false;
    }
    draft.progress(draft.progress().awaitingFenceOf(from).atStep(Record));
    draft.emit(
        EventReason.FenceDeferred,
        from
            + " cannot be reached to fence it; it will be scaled to zero on its return, before"
            + " it may take traffic again");
    return true;
  }

  boolean record(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    Instant completedAt = move.completedAt() == null ? draft.situation().now() : move.completedAt();
    // Automatic moves never target a held-out data center, so a move that ends in one was a
    // person's: it is recorded as overriding the restore test.
    HeldOut overridden =
        move.reason() == FailoverReason.ManualFailover
                || move.reason() == FailoverReason.ManualFailback
            ? draft.situation().heldOut(move.to()).orElse(null)
            : null;
    FailoverRecord record =
        new FailoverRecord(
            move.from(),
            move.to(),
            move.reason(),
            move.detectedAt(),
            completedAt,
            move.actionId(),
            overridden);
    if (move.isInitialPlacement()) {
      draft.emit(EventReason.Placed, "Placed in " + move.to());
    } else {
      draft.record(record);
      draft.emit(
          move.reason().failback() ? EventReason.FailbackCompleted : EventReason.FailoverCompleted,
          (move.reason().failback() ? "Failed back from " : "Failed over from ")
              + move.from()
              + " to "
              + move.to()
              + " ("
              + move.trigger()
              + "); measured RTO "
              + DurationText.format(record.measuredRto())
              + (overridden == null
                  ? ""
                  : "; overriding the restore test of "
                      + overridden.dataCenter()
                      + " ("
                      + overridden.overrideReason()
                      + ")"));
    }
    draft.progress(draft.progress().settledIn(move.to(), move.reason()));
    return false;
  }
}
