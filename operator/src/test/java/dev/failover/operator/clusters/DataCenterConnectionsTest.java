package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataCenterConnectionsTest {
  static final String SECRET_TOKEN = "s3cr3t-t0ken-never-in-messages";

  private final DataCenterConnections connections =
      new DataCenterConnections(
          new DataCenterClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1)));

  @AfterEach
  void close() {
    connections.close();
  }

  static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: dc, cluster: {server: '%s', insecure-skip-tls-verify: true}}]
        users: [{name: op, user: {token: %s}}]
        contexts: [{name: dc, context: {cluster: dc, user: op}}]
        current-context: dc
        """
        .formatted(server, SECRET_TOKEN);
  }

  @Test
  void aRotationToAGarbageKubeconfigKeepsTheWorkingClientOpen() {
    KubernetesClient working = connections.connect("toronto", kubeconfig("https://127.0.0.1:1"));

    assertThatThrownBy(() -> connections.connect("toronto", "{{{ token: " + SECRET_TOKEN))
        .isInstanceOf(UnusableKubeconfigException.class)
        .hasMessage("it cannot be parsed as a kubeconfig")
        .hasMessageNotContaining(SECRET_TOKEN);

    assertThat(connections.client("toronto")).containsSame(working);
    assertThat(working.getHttpClient().isClosed()).as("the working client is still open").isFalse();
  }

  @Test
  void aGoodRotationSwapsInTheNewClientAndClosesTheOld() {
    KubernetesClient old = connections.connect("toronto", kubeconfig("https://127.0.0.1:1"));

    KubernetesClient rotated = connections.connect("toronto", kubeconfig("https://127.0.0.1:2"));

    assertThat(connections.client("toronto")).containsSame(rotated);
    assertThat(old.getHttpClient().isClosed()).isTrue();
  }

  @Test
  void aKubeconfigWithoutAContextIsRefusedRatherThanPointedAtTheHub() {
    String noContext =
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: dc, cluster: {server: 'https://127.0.0.1:1'}}]
        users: [{name: op, user: {token: %s}}]
        """
            .formatted(SECRET_TOKEN);

    assertThatThrownBy(() -> connections.connect("toronto", noContext))
        .isInstanceOf(UnusableKubeconfigException.class)
        .hasMessage("it sets no current-context")
        .extracting(e -> ((UnusableKubeconfigException) e).reason())
        .isEqualTo("KubeconfigNoUsableContext");
    assertThat(connections.client("toronto")).isEmpty();
  }

  @Test
  void yamlThatIsNoKubeconfigIsInvalidNotMissingAContext() {
    assertThatThrownBy(() -> connections.connect("toronto", "not: a kubeconfig\n"))
        .hasMessage("it is not a kubeconfig: it names no clusters, users or contexts")
        .extracting(e -> ((UnusableKubeconfigException) e).reason())
        .isEqualTo("KubeconfigInvalid");
  }

  @Test
  void aContextNamingAMissingClusterOrUserIsRefused() {
    String missingCluster =
        kubeconfig("https://127.0.0.1:1")
            .replace("context: {cluster: dc,", "context: {cluster: x,");
    String missingUser = kubeconfig("https://127.0.0.1:1").replace("user: op}", "user: nobody}");

    assertThatThrownBy(() -> connections.connect("toronto", missingCluster))
        .hasMessage("context dc names cluster x, which has no server in it");
    assertThatThrownBy(() -> connections.connect("toronto", missingUser))
        .hasMessage("context dc names user nobody, which is not in it");
  }
}
