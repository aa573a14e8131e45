package dev.failover.core.placement;

import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Chooses where a workload should run. A candidate qualifies when it is listed in the placement, is
 * not the data center being left, has spare capacity, has no fence pending for this policy and its
 * phase has an {@link EligibilityTier}. Among those the best tier wins; within a tier, Priority
 * takes the listed order, and LowestLatency the lowest p50 (unmeasured last), ties broken by the
 * listed order.
 */
public final class TargetSelector {

  public Optional<Candidate> select(
      PlacementPreference preference, Collection<Candidate> candidates) {
    return select(preference, candidates, null);
  }

  /**
   * @param leaving the data center the workload is moving away from; null when there is none
   */
  public Optional<Candidate> select(
      PlacementPreference preference, Collection<Candidate> candidates, String leaving) {
    return candidates.stream()
        .filter(candidate -> preference.includes(candidate.name()))
        .filter(candidate -> !candidate.name().equals(leaving))
        .filter(Candidate::hasSpareCapacity)
        .filter(candidate -> !candidate.fencePending())
        .filter(candidate -> EligibilityTier.of(candidate.phase()).isPresent())
        .min(order(preference));
  }

  private static Comparator<Candidate> order(PlacementPreference preference) {
    Comparator<Candidate> byTier =
        Comparator.comparing(candidate -> EligibilityTier.of(candidate.phase()).orElseThrow());
    Comparator<Candidate> byListedOrder =
        Comparator.comparingInt(candidate -> preference.rank(candidate.name()));
    if (preference.strategy() == PlacementStrategy.LowestLatency) {
      Comparator<Candidate> byLatency =
          Comparator.comparing(
              Candidate::p50Latency, Comparator.nullsLast(Comparator.<Duration>naturalOrder()));
      return byTier.thenComparing(byLatency).thenComparing(byListedOrder);
    }
    return byTier.thenComparing(byListedOrder);
  }
}
