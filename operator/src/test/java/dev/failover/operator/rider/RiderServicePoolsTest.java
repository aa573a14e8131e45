package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.pool.ServicePools;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RiderServicePoolsTest {
  private static PaasRider rider(String pools) {
    return Serialization.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: PaasRider
        metadata: {name: billing, namespace: shop}
        spec:
          license: {maxApplicationsDeveloped: 5, maxConcurrentDevelopers: 3}
          applicationDevelopment: {applicationTypes: [BillingPayroll]}
        """
            + pools,
        PaasRider.class);
  }

  @Test
  void poolsAreReadInOrderWithTheirSettings() {
    ServicePools pools =
        RiderServicePools.of(
            rider(
                """
                  servicePools:
                    - {name: checkout, components: [cart, payment], timeout: 300ms, maxRetries: 1, retryBudgetPercent: 10}
                    - {name: catalog, components: [search]}
                """));

    assertThat(pools.pools()).extracting(p -> p.name()).containsExactly("checkout", "catalog");
    assertThat(pools.poolOf("payment").orElseThrow().retry())
        .isEqualTo(new PoolRetry(Duration.ofMillis(300), 1, 10));
    assertThat(pools.poolOf("search").orElseThrow().retry())
        .as("the API's defaults, for a rider read without them")
        .isEqualTo(new PoolRetry(Duration.ofSeconds(2), 2, 20));
  }

  @Test
  void aRiderWithoutPoolsHasNone() {
    assertThat(RiderServicePools.of(rider("")).isEmpty()).isTrue();
  }

  @Test
  void aPolicysComponentsAreItsDeploymentsAndStatefulSets() {
    FailoverPolicy policy =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: shop, namespace: shop}
            spec:
              placement: {primary: toronto}
              workload:
                manifests:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}}
                  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: cart}}
                  - {apiVersion: v1, kind: Service, metadata: {name: cart}}
                  - {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: ledger}}
                  - {apiVersion: example.com/v1, kind: Deployment, metadata: {name: not-apps}}
            """,
            FailoverPolicy.class);

    assertThat(RiderServicePools.components(policy)).containsExactly("cart", "ledger");
  }
}
