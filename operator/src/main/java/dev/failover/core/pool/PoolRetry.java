package dev.failover.core.pool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a pool's callers treat a slow or failing member: time out after {@code timeout}, retry at
 * most {@code maxRetries} times, and only while retries stay within {@code retryBudgetPercent} of
 * the requests (so retries never multiply the load of a pool that is down).
 */
public record PoolRetry(Duration timeout, int maxRetries, int retryBudgetPercent) {
  public static final String ENV_POOL = "FAILOVER_POOL";
  public static final String ENV_TIMEOUT_MS = "FAILOVER_POOL_TIMEOUT_MS";
  public static final String ENV_MAX_RETRIES = "FAILOVER_POOL_MAX_RETRIES";
  public static final String ENV_RETRY_BUDGET_PERCENT = "FAILOVER_POOL_RETRY_BUDGET_PERCENT";

  public PoolRetry {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a pool's timeout must be positive, was " + timeout);
    }
    if (maxRetries < 0 || retryBudgetPercent < 0 || retryBudgetPercent > 100) {
      throw new IllegalArgumentException(
          "maxRetries must be >= 0 and retryBudgetPercent 0..100, were "
              + maxRetries
              + " and "
              + retryBudgetPercent);
    }
  }

  /** The longest one probe of the pool can take: the first try and every retry timing out. */
  public Duration worstCaseProbe() {
    return timeout.multipliedBy(1L + maxRetries);
  }

  /** The most impatient of the two: the shorter timeout, the fewer retries, the smaller budget. */
  public PoolRetry strictest(PoolRetry other) {
    return new PoolRetry(
        timeout.compareTo(other.timeout) <= 0 ? timeout : other.timeout,
        Math.min(maxRetries, other.maxRetries),
        Math.min(retryBudgetPercent, other.retryBudgetPercent));
  }

  /** The variables the pool's containers get, so the application honours the same settings. */
  public Map<String, String> environment(String pool) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ENV_POOL, pool);
    env.put(ENV_TIMEOUT_MS, Long.toString(timeout.toMillis()));
    env.put(ENV_MAX_RETRIES, Integer.toString(maxRetries));
    env.put(ENV_RETRY_BUDGET_PERCENT, Integer.toString(retryBudgetPercent));
    return env;
  }
}
