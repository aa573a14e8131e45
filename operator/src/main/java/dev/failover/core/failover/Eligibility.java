package dev.failover.core.failover;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.placement.Candidate;
import dev.failover.core.placement.EligibilityTier;
import dev.failover.core.placement.PlacementPreference;
import dev.failover.core.placement.TargetSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which of a policy's data centers may take, keep or be asked to take its workload. */
final class Eligibility {
  private final TargetSelector selector = new TargetSelector();

  /** The best new home, never {@code leaving}; see {@link TargetSelector}. */
  Optional<Candidate> best(PolicySituation situation, Set<String> awaitingFence, String leaving) {
    PlacementPreference placement = situation.settings().placement();
    List<Candidate> candidates = new ArrayList<>();
    for (String name : placement.ordered()) {
      if (situation.heldOut(name).isPresent()) {
        // Out of production until its restore test passes; only a person may send work there.
        continue;
      }
      situation
          .view(name)
          .filter(DataCenterView::reachable)
          .ifPresent(
              view ->
                  candidates.add(
                      new Candidate(
                          name,
                          view.phase(),
                          view.p50Latency(),
                          view.hasSpareCapacity(),
                          awaitingFence.contains(name))));
    }
    return selector.select(placement, candidates, leaving);
  }

  /**
   * Data centers that {@link #best} passed over only for lack of spare capacity, in placement
   * order: people reading why the workload went elsewhere need to know.
   */
  List<String> lackingSpareCapacity(
      PolicySituation situation, Set<String> awaitingFence, String leaving) {
    return situation.settings().placement().ordered().stream()
        .filter(name -> !name.equals(leaving) && !awaitingFence.contains(name))
        .filter(name -> situation.heldOut(name).isEmpty())
        .filter(
            name ->
                situation
                    .view(name)
                    .filter(DataCenterView::reachable)
                    .filter(view -> EligibilityTier.of(view.phase()).isPresent())
                    .filter(view -> !view.hasSpareCapacity())
                    .isPresent())
        .toList();
  }

  /**
   * Whether the target of a move under way may stay its target. Spare capacity no longer counts:
   * the move itself uses it up. Planned moves insist on Healthy. Its phase decides, not its latest
   * probe: one failed probe is no reason to drop a half-done move (its actions wait meanwhile), and
   * a target that really went dark turns Unreachable after the failure threshold.
   */
  boolean canKeepTarget(
      PolicySituation situation, String target, boolean planned, Set<String> awaitingFence) {
    DataCenterPhase phase = situation.phaseOf(target);
    boolean phaseQualifies =
        planned ? phase == DataCenterPhase.Healthy : EligibilityTier.of(phase).isPresent();
    return phaseQualifies && !awaitingFence.contains(target);
  }

  /**
   * Whether the workload may stay where it runs when a move finds no other home: reachable and in a
   * selectable phase, or merely Excluded (serving from a drained data center beats serving from
   * none).
   */
  boolean canStay(PolicySituation situation, String dataCenter) {
    DataCenterPhase phase = situation.phaseOf(dataCenter);
    return situation.reachable(dataCenter)
        && (EligibilityTier.of(phase).isPresent() || phase == DataCenterPhase.Excluded);
  }

  /** Why a person may not move the workload to {@code target} now; empty when they may. */
  Optional<String> unfitForPlannedMove(
      PolicySituation situation, String target, Set<String> awaitingFence) {
    Optional<DataCenterView> view = situation.view(target);
    if (view.isEmpty()) {
      return Optional.of(target + " has not reported its health yet");
    }
    if (awaitingFence.contains(target)) {
      return Optional.of(
          target
              + " must be fenced first: this policy was active there when it became"
              + " unreachable");
    }
    if (!view.get().reachable()) {
      return Optional.of(target + " is unreachable");
    }
    if (view.get().phase() != DataCenterPhase.Healthy) {
      return Optional.of(
          target + " is " + view.get().phase() + ", and a planned move needs a Healthy one");
    }
    if (!view.get().hasSpareCapacity()) {
      return Optional.of(target + " has no spare capacity");
    }
    return Optional.empty();
  }

  /** True while some listed data center has not been probed: too early to call it unavailable. */
  boolean anyUnprobed(PolicySituation situation) {
    return situation.settings().placement().ordered().stream()
        .anyMatch(name -> situation.phaseOf(name) == DataCenterPhase.Pending);
  }

  /** Why no listed data center can take the workload, one clause per data center. */
  String explain(PolicySituation situation, Set<String> awaitingFence) {
    List<String> clauses = new ArrayList<>();
    for (String name : situation.settings().placement().ordered()) {
      Optional<DataCenterView> view = situation.view(name);
      if (view.isEmpty() || view.get().phase() == DataCenterPhase.Pending) {
        clauses.add(name + " is not probed yet");
      } else if (awaitingFence.contains(name)) {
        clauses.add(name + " awaits its fence");
      } else if (situation.heldOut(name).isPresent()) {
        clauses.add(situation.heldOut(name).get().why());
      } else if (!view.get().reachable()) {
        clauses.add(name + " is unreachable");
      } else if (EligibilityTier.of(view.get().phase()).isEmpty()) {
        clauses.add(name + " is " + view.get().phase());
      } else if (!view.get().hasSpareCapacity()) {
        clauses.add(name + " has no spare capacity");
      } else {
        clauses.add(name + " is " + view.get().phase());
      }
    }
    return String.join(", ", clauses);
  }
}
