package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SelectTarget;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Advances a move through its persisted steps. A step whose condition the observation already meets
 * hands over to the next one in the same decision; a step that must wait for the world stops there,
 * and the same observation always stops it at the same place.
 */
final class MoveSteps {
  private static final Set<FailoverStep> BEFORE_SWITCH =
      EnumSet.of(SelectTarget, PromoteTarget, AwaitTargetAvailable);

  private final TargetSteps targetSteps;
  private final CommitSteps commitSteps = new CommitSteps();

  MoveSteps(Eligibility eligibility) {
    this.targetSteps = new TargetSteps(eligibility);
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
            case SelectTarget -> targetSteps.selectTarget(draft);
            case PromoteTarget -> targetSteps.promoteTarget(draft);
            case AwaitTargetAvailable -> targetSteps.awaitTargetAvailable(draft);
            case SwitchTraffic -> commitSteps.switchTraffic(draft);
            case FenceOldActive -> commitSteps.fenceOldActive(draft);
            case Record -> commitSteps.record(draft);
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
}
