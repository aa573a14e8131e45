package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasServicePool;
import dev.failover.core.DurationText;
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.pool.ServicePool;
import dev.failover.core.pool.ServicePools;
import dev.failover.operator.failoverpolicy.WorkloadManifests;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A PaaS rider's service pools as the core reads them, and a policy's components. */
public final class RiderServicePools {
  /** The API's defaults, for a rider read before the API server filled them in. */
  private static final String DEFAULT_TIMEOUT = "2s";

  private static final int DEFAULT_MAX_RETRIES = 2;
  private static final int DEFAULT_RETRY_BUDGET_PERCENT = 20;

  private RiderServicePools() {}

  public static ServicePools of(PaasRider rider) {
    List<PaasServicePool> pools =
        rider.getSpec() == null ? null : rider.getSpec().getServicePools();
    if (pools == null) {
      return ServicePools.NONE;
    }
    return new ServicePools(
        pools.stream()
            .map(
                pool ->
                    new ServicePool(
                        pool.getName(),
                        pool.getComponents() == null ? List.of() : pool.getComponents(),
                        new PoolRetry(
                            DurationText.parse(
                                Optional.ofNullable(pool.getTimeout()).orElse(DEFAULT_TIMEOUT)),
                            Optional.ofNullable(pool.getMaxRetries()).orElse(DEFAULT_MAX_RETRIES),
                            Optional.ofNullable(pool.getRetryBudgetPercent())
                                .orElse(DEFAULT_RETRY_BUDGET_PERCENT))))
            .toList());
  }

  /** The policy's components: the names of its Deployments and StatefulSets, in manifest order. */
  public static List<String> components(FailoverPolicy policy) {
    if (policy.getSpec() == null
        || policy.getSpec().getWorkload() == null
        || policy.getSpec().getWorkload().getManifests() == null) {
      return List.of();
    }
    return policy.getSpec().getWorkload().getManifests().stream()
        .filter(Objects::nonNull)
        .filter(WorkloadManifests::isScalable)
        .filter(manifest -> manifest.getMetadata() != null)
        .map(manifest -> manifest.getMetadata().getName())
        .filter(Objects::nonNull)
        .toList();
  }

  static PoolAssignment assign(PaasRider rider, FailoverPolicy policy) {
    return of(rider).assign(components(policy));
  }
}
