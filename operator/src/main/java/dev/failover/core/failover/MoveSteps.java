package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.FenceOldActive;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.Record;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SelectTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SwitchTraffic;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.DurationText;
import dev.failover.core.placement.Candidate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Advances a move through its persisted steps. A step whose condition the observation already meets
 * hands over to the next one in the same decision; a step that must wait for the world stops there,
 * and the same observation always stops it at the same place.
 */
final class MoveSteps {
  private static final Set<FailoverStep> BEFORE_SWITCH =
      EnumSet.of(SelectTarget, PromoteTarget, AwaitTargetAvailable);

  private final Eligibility eligibility;

  MoveSteps(Eligibility eligibility) {
    this.eligibility = eligibility;
  }

  void advance(DecisionDraft draft) {
    if (draft.move() == null) {
      return;
    }
    repairStep(draft);
    becomeBlackoutIfSourceWentDark(draft);
    // Each step runs at most once per decision; SelectTarget may run twice after a lost target.
    for (int guard = 0; guard <= FailoverStep.values().length && draft.move() != null; guard++) {
      boolean advanced =
          switch (draft.progress().currentStep()) {
            case SelectTarget -> selectTarget(draft);
            case PromoteTarget -> promoteTarget(draft);
            case AwaitTargetAvailable -> awaitTargetAvailable(draft);
            case SwitchTraffic -> switchTraffic(draft);
            case FenceOldActive -> fenceOldActive(draft);
            case Record -> record(draft);
          };
      if (!advanced) {
        return;
      }
    }
  }

  /** A step that does not fit the move (hand-edited status) restarts the move where it can. */
  private static void repairStep(DecisionDraft draft) {
    FailoverStep step = draft.progress().currentStep();
    if (draft.move().to() == null && step != SelectTarget) {
      draft.progress(draft.progress().atStep(SelectTarget));
    } else if (step == null) {
      draft.progress(draft.progress().atStep(PromoteTarget));
    }
  }

  /** Whatever started the move, losing the source before the switch makes it a blackout. */
  private static void becomeBlackoutIfSourceWentDark(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    PolicySituation situation = draft.situation();
    if (move.from() == null
        || move.reason() == FailoverReason.Blackout
        || !BEFORE_SWITCH.contains(draft.progress().currentStep())
        || situation.phaseOf(move.from()) != DataCenterPhase.Unreachable) {
      return;
    }
    Instant since =
        situation.view(move.from()).map(DataCenterView::phaseSince).orElse(situation.now());
    FailoverProgress progress = draft.progress().withInFlight(move.asBlackout(since));
    if (progress.phase() != FailoverPhase.Unavailable) {
      progress = progress.inPhase(FailoverPhase.FailingOver);
    }
    draft.progress(progress);
  }

  private boolean selectTarget(DecisionDraft draft) {
    PolicySituation situation = draft.situation();
    FailoverProgress progress = draft.progress();
    InFlightFailover move = draft.move();
    Optional<Candidate> best = eligibility.best(situation, progress.awaitingFence(), move.from());
    if (best.isPresent()) {
      String target = best.get().name();
      draft.progress(
          progress
              .withInFlight(move.withTo(target))
              .atStep(PromoteTarget)
              .inPhase(DecisionDraft.movingPhase(move.reason())));
      if (!move.isInitialPlacement()) {
        draft.emit(
            EventReason.FailoverStarted,
            "Failing over from "
                + move.from()
                + " to "
                + target
                + " ("
                + best.get().phase()
                + "): "
                + describeTrigger(move));
      }
      return true;
    }
    if (!move.isInitialPlacement() && eligibility.canStay(situation, move.from())) {
      draft.progress(progress.settledIn(move.from(), progress.activeReason()));
      draft.emit(
          EventReason.FailoverCancelled,
          "Staying in "
              + move.from()
              + ": it is "
              + situation.phaseOf(move.from())
              + " and no other data center can take the workload");
      return false;
    }
    if (move.isInitialPlacement() && eligibility.anyUnprobed(situation)) {
      return false;
    }
    if (progress.phase() != FailoverPhase.Unavailable) {
      draft.emit(
          EventReason.NoHealthyDataCenter,
          "No data center can take the workload: "
              + eligibility.explain(situation, progress.awaitingFence()));
      draft.progress(progress.inPhase(FailoverPhase.Unavailable));
    }
    return false;
  }

  private boolean promoteTarget(DecisionDraft draft) {
    if (!targetStillFits(draft)) {
      return loseTarget(draft);
    }
    boolean scaledUp =
        draft
            .situation()
            .workload(draft.move().to())
            .map(WorkloadObservation::scaledUp)
            .orElse(false);
    if (scaledUp) {
      draft.progress(draft.progress().atStep(AwaitTargetAvailable));
    }
    return scaledUp;
  }

  private boolean awaitTargetAvailable(DecisionDraft draft) {
    if (!targetStillFits(draft)) {
      return loseTarget(draft);
    }
    boolean available =
        draft
            .situation()
            .workload(draft.move().to())
            .map(WorkloadObservation::available)
            .orElse(false);
    if (available) {
      draft.progress(draft.progress().atStep(SwitchTraffic));
    }
    return available;
  }

  /** From here the move is committed: the target is marked active and traffic follows it. */
  private boolean switchTraffic(DecisionDraft draft) {
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
  private boolean fenceOldActive(DecisionDraft draft) {
    String from = draft.move().from();
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

  private boolean record(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    Instant completedAt = move.completedAt() == null ? draft.situation().now() : move.completedAt();
    FailoverRecord record =
        new FailoverRecord(move.from(), move.to(), move.reason(), move.detectedAt(), completedAt);
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
              + describeTrigger(move)
              + "); measured RTO "
              + DurationText.format(record.measuredRto()));
    }
    draft.progress(draft.progress().settledIn(move.to(), move.reason()));
    return false;
  }

  private boolean targetStillFits(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    return eligibility.canKeepTarget(
        draft.situation(), move.to(), isAbandonable(move), draft.progress().awaitingFence());
  }

  /**
   * A planned move whose target stops qualifying is abandoned: the workload stays where it runs.
   * Any other move looks for another target.
   */
  private static boolean isAbandonable(InFlightFailover move) {
    return move.reason().planned() && !move.isInitialPlacement();
  }

  private boolean loseTarget(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    FailoverProgress progress = draft.progress();
    DataCenterPhase targetPhase = draft.situation().phaseOf(move.to());
    String why = draft.situation().reachable(move.to()) ? "is " + targetPhase : "is unreachable";
    if (isAbandonable(move)) {
      draft.progress(progress.settledIn(move.from(), progress.activeReason()));
      draft.emit(
          EventReason.MoveAbandoned,
          (move.reason().failback() ? "Failback" : "Manual failover")
              + " to "
              + move.to()
              + " abandoned: "
              + move.to()
              + " "
              + why
              + "; staying in "
              + move.from());
      return false;
    }
    draft.progress(progress.withInFlight(move.withTo(null)).atStep(SelectTarget));
    draft.emit(
        EventReason.TargetLost,
        move.to() + " " + why + " and can no longer take the workload; choosing another target");
    return true;
  }

  static String describeTrigger(InFlightFailover move) {
    return switch (move.reason()) {
      case InitialPlacement -> "initial placement";
      case Blackout -> move.from() + " is unreachable (blackout)";
      case Brownout -> move.from() + " is degraded (brownout)";
      case Exclusion -> move.from() + " is excluded";
      case ManualFailover -> "manual failover";
      case AutomaticFailback -> "automatic failback";
      case ManualFailback -> "manual failback";
    };
  }
}
