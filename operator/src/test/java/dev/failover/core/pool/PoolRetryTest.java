package dev.failover.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolRetryTest {
  @Test
  void theWorstProbeIsTheFirstTryAndEveryRetryTimingOut() {
    assertThat(new PoolRetry(Duration.ofMillis(300), 2, 20).worstCaseProbe())
        .isEqualTo(Duration.ofMillis(900));
    assertThat(new PoolRetry(Duration.ofSeconds(1), 0, 0).worstCaseProbe())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theStrictestTakesTheShorterTimeoutTheFewerRetriesAndTheSmallerBudget() {
    PoolRetry patient = new PoolRetry(Duration.ofSeconds(2), 1, 30);
    PoolRetry quick = new PoolRetry(Duration.ofMillis(200), 3, 10);
    PoolRetry strictest = new PoolRetry(Duration.ofMillis(200), 1, 10);
    assertThat(patient.strictest(quick)).isEqualTo(strictest);
    assertThat(quick.strictest(patient)).isEqualTo(strictest);
  }

  @Test
  void theApplicationGetsThePoolAndItsSettingsAsVariables() {
    assertThat(new PoolRetry(Duration.ofMillis(1500), 2, 20).environment("checkout"))
        .containsExactly(
            java.util.Map.entry("FAILOVER_POOL", "checkout"),
            java.util.Map.entry("FAILOVER_POOL_TIMEOUT_MS", "1500"),
            java.util.Map.entry("FAILOVER_POOL_MAX_RETRIES", "2"),
            java.util.Map.entry("FAILOVER_POOL_RETRY_BUDGET_PERCENT", "20"));
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThatThrownBy(() -> new PoolRetry(Duration.ZERO, 1, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> new PoolRetry(Duration.ofSeconds(1), -1, 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoolRetry(Duration.ofSeconds(1), 1, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
