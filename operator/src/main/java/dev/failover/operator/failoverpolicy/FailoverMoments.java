package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.InFlightFailover;

/**
 * The moments of a failover that people outside the cluster are told about (the notifications'
 * outbox). Called by {@link FailoverActionExecutor#report} as a decision is reported; a decision
 * retried from the same persisted state reports its moments again with the same identity, so an
 * implementation must treat a repeated occurrence as one.
 */
public interface FailoverMoments {
  FailoverMoments NONE =
      new FailoverMoments() {
        @Override
        public void failoverStarted(
            FailoverPolicy policy, String occurrenceId, InFlightFailover move) {}

        @Override
        public void moved(FailoverPolicy policy, FailoverRecord record) {}
      };

  /**
   * A failover away from a failed data center has started.
   *
   * @param occurrenceId the started Event's name: the same for a retried decision
   * @param move the move as the decision started it (its target may still be unchosen)
   */
  void failoverStarted(FailoverPolicy policy, String occurrenceId, InFlightFailover move);

  /** A failover or failback completed: traffic reached {@code record.to()}. */
  void moved(FailoverPolicy policy, FailoverRecord record);
}
