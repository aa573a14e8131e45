package dev.failover.core.failover;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.placement.PlacementPreference;
import java.util.Optional;

/**
 * Acts on {@code spec.action}. Each action id is handled once: started or rejected with an Event,
 * then remembered with the last twenty, so an old action applied again (a GitOps revert) does
 * nothing. An action that arrives during a move waits until the move ends; the move it starts names
 * it, and so does its history record.
 */
final class ManualActions {
  private final Eligibility eligibility;

  ManualActions(Eligibility eligibility) {
    this.eligibility = eligibility;
  }

  void apply(DecisionDraft draft) {
    ManualAction action = draft.situation().pendingAction();
    FailoverProgress progress = draft.progress();
    if (action == null || progress.hasHandled(action.id()) || progress.inFlight() != null) {
      return;
    }
    draft.progress(progress.handled(action.id()));
    switch (action.type()) {
      case FailoverTo -> failoverTo(draft, action.target());
      case Failback -> failback(draft);
    }
    InFlightFailover started = draft.progress().inFlight();
    if (started != null) {
      draft.progress(draft.progress().withInFlight(started.askedForBy(action.id())));
      draft
          .situation()
          .heldOut(started.to())
          .ifPresent(
              held ->
                  draft.emit(
                      EventReason.RestoreTestOverridden,
                      "Action "
                          + action.id()
                          + " moves the workload to "
                          + held.dataCenter()
                          + " by hand, overriding its restore test ("
                          + held.overrideReason()
                          + "): "
                          + held.why()));
    }
  }

  private void failoverTo(DecisionDraft draft, String target) {
    PlacementPreference placement = draft.situation().settings().placement();
    String active = draft.progress().activeDataCenter();
    if (target == null || target.isBlank()) {
      reject(draft, "FailoverTo rejected: it needs a target data center");
      return;
    }
    if (!placement.includes(target)) {
      reject(
          draft,
          "FailoverTo "
              + target
              + " rejected: "
              + target
              + " is not one of this policy's data centers ("
              + String.join(", ", placement.ordered())
              + ")");
      return;
    }
    if (target.equals(active)) {
      reject(draft, "FailoverTo " + target + " ignored: the workload already runs there");
      return;
    }
    if (rejectedAsUnfit(draft, "FailoverTo " + target, target)) {
      return;
    }
    start(draft, target, FailoverReason.ManualFailover);
    draft.emit(
        EventReason.FailoverStarted,
        "Manual failover " + (active == null ? "" : "from " + active + " ") + "to " + target);
  }

  private void failback(DecisionDraft draft) {
    String primary = draft.situation().settings().placement().primary();
    String active = draft.progress().activeDataCenter();
    if (active == null) {
      reject(draft, "Failback rejected: the workload has not been placed yet");
      return;
    }
    if (primary.equals(active)) {
      reject(draft, "Failback ignored: the workload already runs in its primary, " + primary);
      return;
    }
    if (rejectedAsUnfit(draft, "Failback to " + primary, primary)) {
      return;
    }
    start(draft, primary, FailoverReason.ManualFailback);
    draft.emit(EventReason.FailbackStarted, "Manual failback from " + active + " to " + primary);
  }

  private boolean rejectedAsUnfit(DecisionDraft draft, String what, String target) {
    Optional<String> unfit =
        eligibility.unfitForPlannedMove(
            draft.situation(), target, draft.progress().awaitingFence());
    unfit.ifPresent(why -> reject(draft, what + " rejected: " + why));
    return unfit.isPresent();
  }

  private static void start(DecisionDraft draft, String target, FailoverReason reason) {
    FailoverProgress progress = draft.progress();
    var now = draft.situation().now();
    draft.progress(
        progress.startingMove(
            DecisionDraft.movingPhase(
                progress.activeDataCenter() == null ? FailoverReason.InitialPlacement : reason),
            FailoverStep.PromoteTarget,
            InFlightFailover.starting(progress.activeDataCenter(), target, reason, now, now)));
  }

  private static void reject(DecisionDraft draft, String message) {
    draft.emit(EventReason.ActionRejected, message);
  }
}
