package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/** A Deployment of a made-up image for the fake nodes, and the wait until it is Available. */
public final class FakeDeployments {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(60);

  private FakeDeployments() {}

  /** Pods of a made-up image asking for {@code requests} on nodes matching {@code nodeSelector}. */
  public static Deployment fake(
      String namespace,
      String name,
      int replicas,
      Map<String, Quantity> requests,
      Map<String, String> nodeSelector) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(nodeSelector)
        .addNewContainer()
        .withName(name)
        .withImage("registry.example/" + name + ":1")
        .withNewResources()
        .addToRequests(requests)
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Deployment create(KubernetesClient client, String name, int replicas) {
    Deployment deployment = fake("default", name, replicas, Map.of(), Map.of());
    return client.resource(deployment).create();
  }

  static void awaitAvailable(KubernetesClient client, String name, int replicas, Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Deployment current =
                  client.apps().deployments().inNamespace("default").withName(name).get();
              assertThat(current.getStatus()).isNotNull();
              assertThat(current.getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Available");
                        assertThat(c.getStatus()).isEqualTo("True");
                      });
              assertThat(current.getStatus().getAvailableReplicas()).isEqualTo(replicas);
            });
  }

  /**
   * Deletes the Deployment and waits until it and its pods are gone, so no terminating pod is left
   * for the next test's measurements; fails if they outlive the wait.
   */
  static void delete(KubernetesClient client, String name) {
    client.apps().deployments().inNamespace("default").withName(name).delete();
    await()
        .atMost(GONE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(client.apps().deployments().inNamespace("default").withName(name).get())
                  .as("Deployment default/%s", name)
                  .isNull();
              assertThat(
                      client.pods().inNamespace("default").withLabel("app", name).list().getItems())
                  .as("pods of default/%s", name)
                  .isEmpty();
            });
  }
}
