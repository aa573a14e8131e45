package dev.failover.operator.dr.egress;

import dev.failover.core.dr.egress.EgressDestination;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The managed list in use, and how its last refresh went.
 *
 * @param source where it comes from ({@link ManagedListSource#describe}); "none" when unset
 * @param entries the last good list; empty before the first good refresh
 * @param lastRefresh when the last good list was read
 * @param lastAttempt when a refresh was last tried
 * @param lastError why the last refresh failed; empty when it succeeded. The entries then are the
 *     last good ones
 */
public record ManagedListState(
    String source,
    List<EgressDestination> entries,
    Optional<Instant> lastRefresh,
    Optional<Instant> lastAttempt,
    Optional<String> lastError) {
  public ManagedListState {
    entries = List.copyOf(entries);
  }

  static ManagedListState empty(String source) {
    return new ManagedListState(
        source, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
