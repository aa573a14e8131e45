package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedTestbedExtension.class)
class DeploymentAvailabilityIT {

  @Test
  void aDataCenterHasTwoReadyFakeNodesAndReportsHowLongItTookToStart(Testbed testbed) {
    DataCenterCluster toronto = testbed.dataCenter("toronto");

    DataCenterStartup startup = toronto.startup();
    System.out.println(startup.describe());
    assertThat(startup.toApiReady()).isPositive();
    assertThat(startup.toNodesReady()).isGreaterThanOrEqualTo(startup.toApiReady());
    assertThat(toronto.client().nodes().list().getItems()).hasSize(Testbed.FAKE_NODES);
  }

  @Test
  void aDeploymentOnFakeNodesBecomesAvailable(Testbed testbed) {
    KubernetesClient client = testbed.dataCenter("toronto").client();
    Deployment web =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .withNewSelector()
            .addToMatchLabels("app", "web")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "web")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("registry.example/web:1")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    client.resource(web).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Deployment current =
                  client.apps().deployments().inNamespace("default").withName("web").get();
              assertThat(current.getStatus()).isNotNull();
              assertThat(current.getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Available");
                        assertThat(c.getStatus()).isEqualTo("True");
                      });
              assertThat(current.getStatus().getAvailableReplicas()).isEqualTo(3);
            });
    client.apps().deployments().inNamespace("default").withName("web").delete();
  }
}
