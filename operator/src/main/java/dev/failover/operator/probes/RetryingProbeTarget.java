package dev.failover.operator.probes;

import dev.failover.core.health.ProbeResult;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.pool.RetryBudget;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Probes as a service pool's callers call it: a failed try is retried at once, up to the pool's
 * {@code maxRetries}, while its retry budget allows. One probe's result is its last try's. So a
 * single lost request is not a failure, and a pool that is down is not flooded: once the budget is
 * spent, each probe is one try and detection goes at the pace of the probe interval.
 */
public final class RetryingProbeTarget implements ProbeTarget {
  private final ProbeTarget target;
  private final int maxRetries;
  private final RetryBudget budget;

  public RetryingProbeTarget(ProbeTarget target, PoolRetry retry) {
    this.target = target;
    this.maxRetries = retry.maxRetries();
    // At least maxRetries in any window: a first failure may always use its retries.
    this.budget = new RetryBudget(retry.retryBudgetPercent(), retry.maxRetries());
  }

  @Override
  public CompletableFuture<ProbeResult> probe(Duration timeout) {
    synchronized (budget) {
      budget.request();
    }
    return attempt(timeout, maxRetries);
  }

  private CompletableFuture<ProbeResult> attempt(Duration timeout, int retriesLeft) {
    return target
        .probe(timeout)
        .thenCompose(
            result ->
                result.ok() || retriesLeft == 0 || !mayRetry()
                    ? CompletableFuture.completedFuture(result)
                    : attempt(timeout, retriesLeft - 1));
  }

  private boolean mayRetry() {
    synchronized (budget) {
      return budget.tryRetry();
    }
  }
}
