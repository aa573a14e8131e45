package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.operator.clusters.DataCenterClientFactory;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The world the operator is started into, checked without an operator: what the operator reads (the
 * Secrets, the DataCenters) reaches the right data centers the right way.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverWorldIT {
  private static final String EARLIER_MESSAGE = "written by an earlier world's operator";

  private FailoverWorld world;
  private String earlierToronto;

  /**
   * Leaves a Toronto DataCenter as an earlier world would (with a finalizer and a status), then
   * starts the world over it.
   */
  @BeforeAll
  void startTheWorldOverAnEarlierOnesLeftovers(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter(FailoverWorld.HUB).client();
    FailoverCrds.installInto(hub);
    DataCenter earlier = plan("toronto").resource(FailoverWorld.SECRETS_NAMESPACE);
    earlier.getMetadata().setFinalizers(List.of("failover.dev/earlier-world"));
    earlier = ServerSideApply.apply(hub, earlier);
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(DataCenterPhase.Unreachable);
    status.setMessage(EARLIER_MESSAGE);
    earlier.setStatus(status);
    earlierToronto = hub.resource(earlier).updateStatus().getMetadata().getUid();

    world = FailoverWorld.start(testbed);
  }

  @AfterAll
  void closeTheWorld() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void eachSecretReachesItsDataCenterThroughTheProxyWithoutTestbedFiles() {
    for (DataCenterPlan plan : world.plans()) {
      String kubeconfig = kubeconfigInSecret(plan);
      DataCenterCluster dataCenter = world.dataCenter(plan.name());

      assertThat(kubeconfig).doesNotContain(world.testbed().workDir().toString());
      assertThat(URI.create(Config.fromKubeconfig(kubeconfig).getMasterUrl()).getPort())
          .as("port of %s's kubeconfig", plan.name())
          .isEqualTo(dataCenter.proxyPort());
      try (KubernetesClient client = clientFor(kubeconfig)) {
        assertThat(client.nodes().list().getItems()).hasSize(Testbed.FAKE_NODES);
      }
    }
  }

  @Test
  void cuttingADataCenterCutsTheOperatorsPathToIt() {
    DataCenterCluster chicago = world.dataCenter("chicago");
    String kubeconfig = kubeconfigInSecret(plan("chicago"));
    chicago.cut();
    try (KubernetesClient client = clientFor(kubeconfig)) {
      assertThatThrownBy(() -> client.nodes().list()).isInstanceOf(KubernetesClientException.class);
    } finally {
      chicago.uncut();
    }
  }

  /**
   * Whatever runs in the testbed (no operator should, but this test does not rely on it), nothing
   * of an earlier world's DataCenter survives: it is a new object, without the old status.
   */
  @Test
  void dataCentersCarryThePlannedPreferenceAndNothingOfAnEarlierWorld() {
    for (DataCenterPlan plan : world.plans()) {
      DataCenter dataCenter = world.dataCenterResource(plan.name());

      assertThat(dataCenter.getSpec().getPriority()).isEqualTo(plan.priority());
      assertThat(dataCenter.getSpec().getRegion()).isEqualTo(plan.region());
      assertThat(dataCenter.getSpec().getIngressAddress()).isEqualTo(plan.ingressAddress());
      assertThat(dataCenter.getSpec().getKubeconfigSecretRef().getName())
          .isEqualTo("dc-" + plan.name());
    }
    DataCenter toronto = world.dataCenterResource("toronto");
    assertThat(toronto.getMetadata().getUid()).isNotEqualTo(earlierToronto);
    assertThat(toronto.getMetadata().getFinalizers()).doesNotContain("failover.dev/earlier-world");
    assertThat(Optional.ofNullable(toronto.getStatus()).map(DataCenterStatus::getMessage))
        .isNotEqualTo(Optional.of(EARLIER_MESSAGE));
    assertThat(world.plans())
        .extracting(DataCenterPlan::name, DataCenterPlan::priority)
        .containsExactly(tuple("toronto", 10), tuple("chicago", 20), tuple("washington", 30));
  }

  private String kubeconfigInSecret(DataCenterPlan plan) {
    Secret secret =
        world
            .hub()
            .secrets()
            .inNamespace(FailoverWorld.SECRETS_NAMESPACE)
            .withName(plan.secretName())
            .get();
    assertThat(secret).as("Secret %s", plan.secretName()).isNotNull();
    byte[] kubeconfig = Base64.getDecoder().decode(secret.getData().get("kubeconfig"));
    return new String(kubeconfig, StandardCharsets.UTF_8);
  }

  private static DataCenterPlan plan(String name) {
    return DataCenterPlan.defaults().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A client built the way the operator builds its own from the Secret. */
  private static KubernetesClient clientFor(String kubeconfig) {
    return new DataCenterClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .fromKubeconfig(kubeconfig);
  }
}
