package dev.failover.operator.failoverpolicy;

/**
 * A data center was not sent a workload object because the operator may not place it there: a kind
 * the data center does not serve, a cluster-scoped kind the platform team has not allowed, or an
 * object another manager owns. Retrying changes nothing until the policy or the data center does.
 */
final class WorkloadRefused extends IllegalStateException {
  WorkloadRefused(String message) {
    super(message);
  }
}
