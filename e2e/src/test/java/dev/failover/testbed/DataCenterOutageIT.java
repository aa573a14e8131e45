package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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

    try {
      chicago.stop();
      // A new connection is refused; a pooled one would see its connection reset instead.
      try (KubernetesClient fresh = KubeClients.client(chicago.clientConfig())) {
        Throwable refused = catchThrowable(() -> configMap(fresh, "survives-blackout"));

        assertThat(refused).isNotNull();
        assertThat(Failures.causes(refused))
            .as("refused: %s", Failures.describe(refused))
            .hasAtLeastOneElementOfType(ConnectException.class);
        // Refused at once, not after waiting out a timeout (how soon: TestbedBenchmark).
        assertThat(Failures.isTimeout(refused))
            .as("a timeout among the causes: %s", Failures.describe(refused))
            .isFalse();
      } finally {
        chicago.start();
      }

      ConfigMap restored = configMap(client, "survives-blackout");
      assertThat(restored).isNotNull();
      assertThat(restored.getData()).containsEntry("city", "chicago");
    } finally {
      client.configMaps().inNamespace("default").withName("survives-blackout").delete();
    }
  }

  /**
   * A restore is only useful if the data center runs workloads again: its restarted kwok controller
   * must take over the fake nodes, and its controllers must not wait for the killed ones' leader
   * Leases (see {@link KwokClusterConfig}). Without those settings the pods wait about 200 s, which
   * is what the wait below tells apart; how soon they run is a TestbedBenchmark figure.
   */
  @Test
  void aRestoredDataCenterRunsNewPodsWithoutWaitingForOldLeases(Testbed testbed) {
    DataCenterCluster chicago = testbed.dataCenter("chicago");
    chicago.stop();
    chicago.start();
    long restoredAt = System.nanoTime();
    KubernetesClient client = chicago.client();
    client.resource(deployment("after-restore")).create();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(
                          client
                              .apps()
                              .deployments()
                              .inNamespace("default")
                              .withName("after-restore")
                              .get()
                              .getStatus()
                              .getAvailableReplicas())
                      .isEqualTo(2));
      System.out.printf(
          "New pods Available %d ms after the restore%n",
          Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());
    } finally {
      FakeDeployments.delete(client, "after-restore");
    }
  }

  @Test
  void aFrozenDataCenterTimesOutInsteadOfRefusing(Testbed testbed) {
    DataCenterCluster chicago = testbed.dataCenter("chicago");
    try (KubernetesClient impatient =
        KubeClients.client(
            KubeClients.config(
                chicago.kubeconfig(), Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
      assertThat(impatient.getKubernetesVersion().getGitVersion())
          .isEqualTo(testbed.binaries().kubernetesVersion());

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

  private static Deployment deployment(String name) {
    return FakeDeployments.fake("default", name, 2, Map.of(), Map.of());
  }

  private static ConfigMap configMap(KubernetesClient client, String name) {
    return client.configMaps().inNamespace("default").withName(name).get();
  }
}
