package dev.failover.operator.rider;

import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The labels on every RoleBinding the operator makes for a rider, so that it finds them again to
 * prune them, and {@code kubectl get rolebindings -l failover.dev/rider-name=billing} finds them
 * too. Only objects with these labels are ever changed or deleted.
 */
final class RiderLabels {
  static final String KIND = "failover.dev/rider-kind";
  static final String NAMESPACE = "failover.dev/rider-namespace";
  static final String NAME = "failover.dev/rider-name";

  private RiderLabels() {}

  static Map<String, String> of(RiderTerms rider) {
    return Map.of(
        KIND,
        rider.riderLabel(),
        NAMESPACE,
        rider.namespace(),
        NAME,
        PolicyLabels.labelValue(rider.name()),
        PolicyLabels.MANAGED_BY,
        ServerSideApply.FIELD_MANAGER);
  }

  /** The label selector that finds this rider's RoleBindings. */
  static String selector(RiderTerms rider) {
    return of(rider).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
