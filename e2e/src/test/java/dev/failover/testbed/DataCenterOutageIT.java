package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Blackout and hang of a whole data center; each test leaves Chicago running. */
@ExtendWith(SharedTestbedExtension.class)
class DataCenterOutageIT {

  @Test
  void aStoppedDataCenterRefusesConnectionsAndKeepsItsObjectsWhenRestarted(Testbed testbed) {
    DataCenterCluster chicago = testbed.dataCenter("chicago");
    KubernetesClient client = chicago.client();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("survives-blackout")
                .withNamespace("default")
                .endMetadata()
                .withData(Map.of("city", "chicago"))
                .build())
        .create();

    chicago.stop();
    // A new connection is refused; a pooled one would see its connection reset instead.
    try (KubernetesClient fresh = KubeClients.client(chicago.clientConfig())) {
      long begin = System.nanoTime();
      Throwable refused = catchThrowable(() -> configMap(fresh, "survives-blackout"));
      Duration waited = Duration.ofNanos(System.nanoTime() - begin);

      assertThat(refused).isNotNull();
      assertThat(Failures.causes(refused))
          .as("refused: %s", Failures.describe(refused))
          .hasAtLeastOneElementOfType(ConnectException.class);
      assertThat(waited).isLessThan(Duration.ofSeconds(2));
    } finally {
      chicago.start();
    }

    ConfigMap restored = configMap(client, "survives-blackout");
    assertThat(restored).isNotNull();
    assertThat(restored.getData()).containsEntry("city", "chicago");
  }

  /**
   * A restore is only useful if the data center can run a workload again: its kwok controller must
   * take over the fake nodes at once, not after the stopped one's node leases expire.
   */
  @Test
  void aRestartedDataCenterRunsANewDeploymentWithinSeconds(Testbed testbed) {
    DataCenterCluster chicago = testbed.dataCenter("chicago");
    chicago.stop();
    chicago.start();
    KubernetesClient client = chicago.client();

    FakeDeployments.create(client, "after-restore", 2);

    // The controller-manager waits out its predecessor's leader lease (15 s) before it acts.
    FakeDeployments.awaitAvailable(client, "after-restore", 2, Duration.ofSeconds(45));
    FakeDeployments.delete(client, "after-restore");
  }

  @Test
  void aFrozenDataCenterTimesOutInsteadOfRefusing(Testbed testbed) {
    DataCenterCluster chicago = testbed.dataCenter("chicago");
    try (KubernetesClient impatient =
        KubeClients.client(
            KubeClients.config(
                chicago.kubeconfig(), Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
      assertThat(impatient.getKubernetesVersion().getGitVersion()).isEqualTo("v1.36.3");

      chicago.freeze();
      long frozenAt = System.nanoTime();
      try {
        long begin = System.nanoTime();
        Throwable hung = catchThrowable(() -> impatient.namespaces().withName("default").get());
        Duration waited = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(hung).isNotNull();
        assertThat(Failures.isTimeout(hung)).as("timed out: %s", Failures.describe(hung)).isTrue();
        assertThat(Failures.causes(hung)).noneMatch(ConnectException.class::isInstance);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
      } finally {
        chicago.thaw();
      }
      long thawedAt = System.nanoTime();

      assertThat(impatient.namespaces().withName("default").get()).isNotNull();
      System.out.printf(
          "Frozen for %d ms; first GET after thaw took %d ms%n",
          Duration.ofNanos(thawedAt - frozenAt).toMillis(),
          Duration.ofNanos(System.nanoTime() - thawedAt).toMillis());
    }
  }

  private static ConfigMap configMap(KubernetesClient client, String name) {
    return client.configMaps().inNamespace("default").withName(name).get();
  }
}
