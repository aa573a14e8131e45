package dev.failover.core.placement;

import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a policy prefers to run: a strategy, a primary and ordered secondaries. The listed data
 * centers are the only candidates; with LowestLatency their order only breaks ties. Failback always
 * returns to the primary.
 */
public record PlacementPreference(
    PlacementStrategy strategy, String primary, List<String> secondaries) {

  public PlacementPreference {
    Objects.requireNonNull(strategy, "strategy");
    if (primary == null || primary.isBlank()) {
      throw new IllegalArgumentException("placement needs a primary data center");
    }
    secondaries = List.copyOf(secondaries);
    Set<String> seen = new HashSet<>();
    seen.add(primary);
    for (String secondary : secondaries) {
      if (!seen.add(secondary)) {
        throw new IllegalArgumentException(
            "data center " + secondary + " is listed more than once in the placement");
      }
    }
  }

  public static PlacementPreference of(
      PlacementStrategy strategy, String primary, String... secondaries) {
    return new PlacementPreference(strategy, primary, List.of(secondaries));
  }

  /** The primary, then the secondaries in the order they are listed. */
  public List<String> ordered() {
    List<String> ordered = new ArrayList<>(secondaries.size() + 1);
    ordered.add(primary);
    ordered.addAll(secondaries);
    return List.copyOf(ordered);
  }

  public boolean includes(String dataCenter) {
    return primary.equals(dataCenter) || secondaries.contains(dataCenter);
  }

  /** Position in {@link #ordered()}: 0 for the primary; MAX_VALUE when not listed. */
  public int rank(String dataCenter) {
    int index = ordered().indexOf(dataCenter);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
