package dev.failover.core.failover;

/**
 * Clears the data centers awaiting a fence once their workload is seen scaled to zero. Issuing the
 * {@link FailoverAction.Fence} itself is {@link WorkloadPlan}'s job.
 */
final class FenceTracker {

  void clearConfirmedFences(DecisionDraft draft) {
    PolicySituation situation = draft.situation();
    for (String dataCenter : draft.progress().awaitingFence()) {
      boolean fenced =
          situation.workload(dataCenter).map(WorkloadObservation::fenced).orElse(false);
      if (fenced) {
        draft.progress(draft.progress().fenceConfirmed(dataCenter));
        draft.emit(
            EventReason.Fenced,
            dataCenter
                + " is back and fenced: the workload there is scaled to zero, so it may take"
                + " traffic again");
      }
    }
  }
}
