package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.operator.status.StatusConditions;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * A data center the placement lists but that has no DataCenter resource (deleted, or never created)
 * is shown on the policy: the DataCentersFound condition, and a Warning Event when it goes missing.
 * The core moves the workload off it; what runs there stays, since the operator has no credentials
 * for it any more.
 */
public final class MissingDataCenters {
  private final PolicyEvents events;
  private final Clock clock;

  public MissingDataCenters(PolicyEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  void note(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      List<String> listed,
      Collection<String> found) {
    List<String> missing = listed.stream().filter(name -> !found.contains(name)).toList();
    boolean wasMissing =
        stored != null
            && stored
                .condition(ConditionTypes.DATA_CENTERS_FOUND)
                .map(condition -> "False".equals(condition.getStatus()))
                .orElse(false);
    String message =
        missing.isEmpty()
            ? "Every listed data center has a DataCenter resource"
            : "No DataCenter resource for "
                + String.join(", ", missing)
                + ": the workload is moved off it if it ran there, and whatever runs there is"
                + " left as it was, out of the operator's reach";
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.DATA_CENTERS_FOUND,
        missing.isEmpty(),
        missing.isEmpty() ? "AllFound" : "DataCenterMissing",
        message,
        clock.instant());
    if (!missing.isEmpty() && !wasMissing) {
      events.emit(policy, "DataCenterMissing", message, true);
    }
  }
}
