package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The bounded, newest-first history of moves in a policy's status. */
final class PolicyHistory {
  private PolicyHistory() {}

  /**
   * Adds the record as the newest entry and the last failover, unless a retried Record step already
   * added it. Returns whether it was new.
   */
  static boolean add(FailoverPolicyStatus status, dev.failover.core.failover.FailoverRecord done) {
    dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord entry =
        PolicyProgressMapper.record(done);
    List<dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord> history =
        new ArrayList<>(status.getHistory() == null ? List.of() : status.getHistory());
    boolean known =
        history.stream()
            .anyMatch(
                existing ->
                    Objects.equals(existing.getFrom(), entry.getFrom())
                        && Objects.equals(existing.getTo(), entry.getTo())
                        && Objects.equals(existing.getDetectedAt(), entry.getDetectedAt()));
    if (known) {
      return false;
    }
    history.add(0, entry);
    while (history.size() > FailoverPolicyStatus.HISTORY_LIMIT) {
      history.remove(history.size() - 1);
    }
    status.setHistory(history);
    status.setLastFailover(entry);
    return true;
  }
}
