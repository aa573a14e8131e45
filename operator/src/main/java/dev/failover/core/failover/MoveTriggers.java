package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.core.placement.Candidate;
import dev.failover.core.placement.PlacementPreference;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts a move when nothing is moving: the first placement, a failover when the active data center
 * blacks out, browns out or is excluded, or an automatic failback. A workload that is merely not
 * Available in a Healthy data center is a minor failure for Kubernetes to heal, and starts nothing.
 * An automatic failback that is due but finds every slot to its data center taken ({@link
 * FailbackSlots}) waits.
 */
final class MoveTriggers {
  private final Eligibility eligibility;

  MoveTriggers(Eligibility eligibility) {
    this.eligibility = eligibility;
  }

  void apply(DecisionDraft draft) {
    FailoverProgress progress = draft.progress();
    if (progress.inFlight() != null) {
      return;
    }
    PolicySituation situation = draft.situation();
    String active = progress.activeDataCenter();
    if (active == null) {
      startFailover(draft, null, FailoverReason.InitialPlacement, situation.now());
      return;
    }
    DataCenterPhase phase = situation.phaseOf(active);
    Instant since = situation.view(active).map(DataCenterView::phaseSince).orElse(situation.now());
    // A data center whose DataCenter resource was deleted is as good as unlisted: without its
    // resource there is no client, no health and no way back.
    boolean listed =
        situation.settings().placement().includes(active) && situation.view(active).isPresent();
    if (phase == DataCenterPhase.Unreachable) {
      startFailover(draft, active, FailoverReason.Blackout, since);
    } else if (phase == DataCenterPhase.Excluded || !listed) {
      // Leave only for somewhere else: an excluded data center still serves.
      if (bestElsewhere(draft, active).isPresent()) {
        startFailover(draft, active, FailoverReason.Exclusion, listed ? since : situation.now());
      }
    } else if (phase == DataCenterPhase.Degraded) {
      // A brownout only moves to a Healthy data center; another brownout is no better.
      if (bestElsewhere(draft, active)
          .map(best -> best.phase() == DataCenterPhase.Healthy)
          .orElse(false)) {
        startFailover(draft, active, FailoverReason.Brownout, since);
      }
    } else if (automaticFailbackDue(draft, active)) {
      String primary = situation.settings().placement().primary();
      Optional<FailbackWait> wait = situation.awaitingFailbackSlot();
      if (wait.isPresent()) {
        // It stays where it serves; one Event per wait, not one per look.
        if (wait.get().firstLook()) {
          draft.emit(
              EventReason.FailbackDeferred,
              "Failback from "
                  + active
                  + " to "
                  + primary
                  + " waits for a slot: "
                  + wait.get().why());
        }
        return;
      }
      draft.progress(
          progress.startingMove(
              FailoverPhase.FailingBack,
              FailoverStep.PromoteTarget,
              InFlightFailover.starting(
                  active,
                  primary,
                  FailoverReason.AutomaticFailback,
                  situation.now(),
                  situation.now())));
      draft.emit(
          EventReason.FailbackStarted,
          "Failing back from " + active + " to " + primary + ": " + primary + " is Healthy again");
    }
  }

  private Optional<Candidate> bestElsewhere(DecisionDraft draft, String active) {
    return eligibility.best(draft.situation(), draft.progress().awaitingFence(), active);
  }

  /**
   * Healthy means the primary passed its probation (stabilization window); a primary held out for
   * its restore test waits for the test to pass. Failback undoes a failover; with Priority it also
   * finishes a placement that could not use the primary at the time. It never undoes a manual
   * failover, nor a LowestLatency placement, which chose its data center on purpose.
   */
  private boolean automaticFailbackDue(DecisionDraft draft, String active) {
    PolicySituation situation = draft.situation();
    PlacementPreference placement = situation.settings().placement();
    FailoverReason reason = draft.progress().activeReason();
    boolean undoable =
        reason == null || reason == FailoverReason.InitialPlacement
            ? placement.strategy() == PlacementStrategy.Priority
            : reason != FailoverReason.ManualFailover;
    return situation.settings().failbackMode() == FailbackMode.Automatic
        && undoable
        && !placement.primary().equals(active)
        && situation.heldOut(placement.primary()).isEmpty()
        && eligibility
            .unfitForPlannedMove(situation, placement.primary(), draft.progress().awaitingFence())
            .isEmpty();
  }

  private static void startFailover(
      DecisionDraft draft, String from, FailoverReason reason, Instant detectedAt) {
    Instant now = draft.situation().now();
    Instant detected = detectedAt.isAfter(now) ? now : detectedAt;
    draft.progress(
        draft
            .progress()
            .startingMove(
                DecisionDraft.movingPhase(reason),
                FailoverStep.SelectTarget,
                InFlightFailover.starting(from, null, reason, detected, now)));
  }
}
