package dev.failover.core.failover;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from one observation of a policy's world, its next persisted progress and the actions
 * that move the world toward it. Pure and deterministic: the same situation always gives the same
 * decision, so a crash between executing and persisting is healed by deciding again. The rules are
 * in {@code package-info.java}.
 */
public final class FailoverStateMachine {
  private final Eligibility eligibility = new Eligibility();
  private final FenceTracker fences = new FenceTracker();
  private final ManualActions manualActions = new ManualActions(eligibility);
  private final MoveTriggers triggers = new MoveTriggers(eligibility);
  private final MoveSteps steps = new MoveSteps(eligibility);
  private final WorkloadPlan plan = new WorkloadPlan();
  private final StatusMessage status = new StatusMessage(eligibility);

  public FailoverDecision decide(PolicySituation situation) {
    DecisionDraft draft = new DecisionDraft(situation);
    fences.clearConfirmedFences(draft);
    manualActions.apply(draft);
    triggers.apply(draft);
    steps.advance(draft);
    FailoverProgress progress = draft.progress();
    List<FailoverAction> actions = new ArrayList<>(plan.actions(situation, progress));
    actions.addAll(draft.notes());
    return new FailoverDecision(progress, actions, status.describe(situation, progress));
  }
}
