package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.pool.ServicePool;
import dev.failover.operator.status.StatusConditions;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Warns when one policy's workload couples components its PaaS rider declares as separate service
 * pools: they would be placed and failed over together, the coupling the pools exist to undo. The
 * ServicePoolsSeparate condition, and a Warning Event when it turns False. A warning, not a block:
 * the workload still runs, and splitting it is the developer's change to make.
 */
public final class ServicePoolCoupling {
  private final PolicyEvents events;
  private final Clock clock;

  public ServicePoolCoupling(PolicyEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  void note(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      Optional<PoolAssignment> assignment) {
    if (assignment.isEmpty()) {
      // The rider no longer declares pools: the condition would only describe the past.
      if (status.getConditions() != null) {
        status
            .getConditions()
            .removeIf(c -> ConditionTypes.SERVICE_POOLS_SEPARATE.equals(c.getType()));
      }
      return;
    }
    PoolAssignment pools = assignment.get();
    String reason;
    String message;
    if (pools.coupled()) {
      reason = "PoolsCoupled";
      message =
          "the workload couples the rider's service pools "
              + pools.pools().stream().map(ServicePool::name).collect(Collectors.joining(", "))
              + " ("
              + pools.describe()
              + "): they are placed and failed over together, and a slow one takes the others"
              + " down; declare each pool's components in a policy of its own. Its health endpoint"
              + " is probed with the strictest of their timeouts and retries";
    } else if (pools.pools().isEmpty()) {
      reason = "NotPooled";
      message = "none of the workload's components is in one of the rider's service pools";
    } else {
      reason = "SinglePool";
      message =
          "the workload is service pool "
              + pools.pools().get(0).name()
              + ", placed and failed over on its own";
    }
    boolean wasCoupled =
        stored != null
            && stored
                .condition(ConditionTypes.SERVICE_POOLS_SEPARATE)
                .map(condition -> "False".equals(condition.getStatus()))
                .orElse(false);
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.SERVICE_POOLS_SEPARATE,
        !pools.coupled(),
        reason,
        message,
        clock.instant());
    if (pools.coupled() && !wasCoupled) {
      events.emit(policy, "PoolsCoupled", message, true);
    }
  }
}
