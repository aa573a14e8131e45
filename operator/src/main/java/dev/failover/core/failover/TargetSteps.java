package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.AwaitTargetAvailable;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.PromoteTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SelectTarget;
import static dev.failover.api.v1alpha1.failoverpolicy.FailoverStep.SwitchTraffic;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.core.DurationText;
import dev.failover.core.placement.Candidate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps before the switch, which can still change course: SelectTarget, PromoteTarget and
 * AwaitTargetAvailable. Each returns whether it finished, so the next step may run at once.
 */
final class TargetSteps {
  private final Eligibility eligibility;

  TargetSteps(Eligibility eligibility) {
    this.eligibility = eligibility;
  }

  boolean selectTarget(DecisionDraft draft) {
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
                + move.trigger()
                + passedOver(situation, progress, move));
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

  boolean promoteTarget(DecisionDraft draft) {
    if (!targetStillFits(draft)) {
      return loseTarget(draft);
    }
    if (pastDeadline(draft) && gaveUpOnTarget(draft)) {
      return draft.move() != null;
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

  boolean awaitTargetAvailable(DecisionDraft draft) {
    if (!targetStillFits(draft)) {
      return loseTarget(draft);
    }
    if (pastDeadline(draft) && gaveUpOnTarget(draft)) {
      return draft.move() != null;
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

  /** The move has spent its deadline (the RTO) on its current target without switching traffic. */
  static boolean pastDeadline(DecisionDraft draft) {
    return pastDeadline(draft.move(), draft.situation());
  }

  static boolean pastDeadline(InFlightFailover move, PolicySituation situation) {
    return move != null
        && !situation.now().isBefore(move.startedAt().plus(situation.settings().moveDeadline()));
  }

  /**
   * A target that did not take the workload within the deadline: a planned move is abandoned (the
   * workload stays where it runs); a failover tries the next best data center, with a fresh
   * deadline. With no other candidate it keeps its target and the status says it is overdue.
   * Returns whether it changed course.
   */
  private boolean gaveUpOnTarget(DecisionDraft draft) {
    InFlightFailover move = draft.move();
    FailoverProgress progress = draft.progress();
    PolicySituation situation = draft.situation();
    String deadline = DurationText.format(situation.settings().moveDeadline());
    if (isAbandonable(move)) {
      draft.progress(progress.settledIn(move.from(), progress.activeReason()));
      draft.emit(
          EventReason.MoveAbandoned,
          (move.reason().failback() ? "Failback" : "Manual failover")
              + " to "
              + move.to()
              + " abandoned: the workload did not become Available there within the deadline of "
              + deadline
              + " (the RTO); staying in "
              + move.from());
      return true;
    }
    Set<String> excluded = new TreeSet<>(progress.awaitingFence());
    excluded.add(move.to());
    Optional<Candidate> next = eligibility.best(situation, excluded, move.from());
    if (next.isEmpty()) {
      return false;
    }
    draft.progress(
        progress
            .withInFlight(move.retargeted(next.get().name(), situation.now()))
            .atStep(PromoteTarget));
    draft.emit(
        EventReason.TargetLost,
        move.to()
            + " did not take the workload within the deadline of "
            + deadline
            + " (the RTO); trying "
            + next.get().name());
    return true;
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
  private String passedOver(
      PolicySituation situation, FailoverProgress progress, InFlightFailover move) {
    List<String> lacking =
        eligibility.lackingSpareCapacity(situation, progress.awaitingFence(), move.from());
    return lacking.isEmpty()
        ? ""
        : "; passed over for lack of spare capacity: " + String.join(", ", lacking);
  }

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
}
