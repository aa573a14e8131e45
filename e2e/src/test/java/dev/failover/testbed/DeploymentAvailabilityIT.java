package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedTestbedExtension.class)
class DeploymentAvailabilityIT {

  /** How long the start took is logged by the testbed and reported in docs/benchmarks.md. */
  @Test
  void aStartedDataCenterHasTwoReadyFakeNodesReadyAfterItsApiServer(Testbed testbed) {
    DataCenterCluster toronto = testbed.dataCenter("toronto");

    DataCenterStartup startup = toronto.startup();
    assertThat(startup.toApiReady()).isPositive();
    assertThat(startup.toNodesReady()).isGreaterThanOrEqualTo(startup.toApiReady());
    assertThat(toronto.client().nodes().list().getItems()).hasSize(Testbed.FAKE_NODES);
  }

  @Test
  void aDeploymentOnFakeNodesBecomesAvailable(Testbed testbed) {
    KubernetesClient client = testbed.dataCenter("toronto").client();

    FakeDeployments.create(client, "web", 3);

    FakeDeployments.awaitAvailable(client, "web", 3, Duration.ofSeconds(60));
    FakeDeployments.delete(client, "web");
  }
}
