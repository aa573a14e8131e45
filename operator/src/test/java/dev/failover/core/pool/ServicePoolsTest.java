package dev.failover.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicePoolsTest {
  private static final PoolRetry CHECKOUT_RETRY = new PoolRetry(Duration.ofMillis(500), 2, 20);
  private static final PoolRetry CATALOG_RETRY = new PoolRetry(Duration.ofSeconds(2), 1, 10);
  private static final ServicePool CHECKOUT =
      new ServicePool("checkout", List.of("cart", "payment"), CHECKOUT_RETRY);
  private static final ServicePool CATALOG =
      new ServicePool("catalog", List.of("search"), CATALOG_RETRY);
  private static final ServicePools POOLS = new ServicePools(List.of(CHECKOUT, CATALOG));

  @Test
  void aWorkloadOfOnePoolIsNotCoupledAndIsGovernedByItsPool() {
    PoolAssignment assignment = POOLS.assign(List.of("cart", "payment"));
    assertThat(assignment.pools()).containsExactly(CHECKOUT);
    assertThat(assignment.coupled()).isFalse();
    assertThat(assignment.retry()).contains(CHECKOUT_RETRY);
    assertThat(assignment.unpooled()).isEmpty();
    assertThat(assignment.describe()).isEqualTo("cart (pool checkout), payment (pool checkout)");
  }

  @Test
  void aWorkloadSpanningTwoPoolsIsCoupledAndTheStrictestSettingsGovernIt() {
    PoolAssignment assignment = POOLS.assign(List.of("search", "cart", "ledger"));
    assertThat(assignment.coupled()).isTrue();
    assertThat(assignment.pools()).containsExactly(CATALOG, CHECKOUT);
    assertThat(assignment.retry()).contains(new PoolRetry(Duration.ofMillis(500), 1, 10));
    assertThat(assignment.unpooled()).containsExactly("ledger");
    assertThat(assignment.describe()).isEqualTo("search (pool catalog), cart (pool checkout)");
  }

  @Test
  void aWorkloadInNoPoolHasNoPoolSettings() {
    PoolAssignment assignment = POOLS.assign(List.of("ledger"));
    assertThat(assignment.pools()).isEmpty();
    assertThat(assignment.coupled()).isFalse();
    assertThat(assignment.retry()).isEmpty();
    assertThat(assignment.unpooled()).containsExactly("ledger");
    assertThat(ServicePools.NONE.assign(List.of("cart")).pools()).isEmpty();
  }

  @Test
  void aComponentListedTwiceBelongsToTheFirstPoolThatListsIt() {
    ServicePools overlapping =
        new ServicePools(
            List.of(CHECKOUT, new ServicePool("again", List.of("cart"), CATALOG_RETRY)));
    assertThat(overlapping.poolOf("cart")).contains(CHECKOUT);
    assertThat(overlapping.assign(List.of("cart")).coupled()).isFalse();
  }
}
