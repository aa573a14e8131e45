package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.pool.PoolRetry;
import dev.failover.core.pool.ServicePool;
import dev.failover.core.pool.ServicePools;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolRenderingTest {
  private static final ServicePools POOLS =
      new ServicePools(
          List.of(
              new ServicePool(
                  "checkout", List.of("cart"), new PoolRetry(Duration.ofMillis(300), 1, 10)),
              new ServicePool(
                  "catalog", List.of("search"), new PoolRetry(Duration.ofSeconds(2), 3, 20))));

  private static GenericKubernetesResource deployment(String name) {
    return Serialization.unmarshal(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          template:
            spec:
              containers:
                - name: app
                  env: [{name: FAILOVER_POOL_MAX_RETRIES, value: "99"}, {name: KEEP, value: "1"}]
        """
            .formatted(name),
        GenericKubernetesResource.class);
  }

  @Test
  void eachComponentGetsItsOwnPoolsSettingsAndThePoolWinsOverTheManifest() {
    GenericKubernetesResource cart = deployment("cart");
    GenericKubernetesResource ledger = deployment("ledger");
    List<GenericKubernetesResource> rendered =
        PoolRendering.render(List.of(cart, deployment("search"), ledger), POOLS);

    assertThat(Serialization.asYaml(rendered.get(0)))
        .contains("name: \"FAILOVER_POOL\"\n", "value: \"checkout\"")
        .contains("value: \"300\"")
        .doesNotContain("\"99\"")
        .contains("KEEP");
    assertThat(Serialization.asYaml(rendered.get(1)))
        .contains("value: \"catalog\"")
        .contains("value: \"2000\"");
    assertThat(rendered.get(2)).as("a component in no pool is left as it was").isSameAs(ledger);
    assertThat(Serialization.asYaml(rendered.get(2)))
        .contains("\"99\"")
        .doesNotContain("FAILOVER_POOL\"");
    assertThat(Serialization.asYaml(cart)).as("the object given is not changed").contains("\"99\"");
  }

  @Test
  void withoutPoolsTheObjectsAreReturnedAsTheyAre() {
    List<GenericKubernetesResource> objects = List.of(deployment("cart"));
    assertThat(PoolRendering.render(objects, ServicePools.NONE)).isSameAs(objects);
  }
}
