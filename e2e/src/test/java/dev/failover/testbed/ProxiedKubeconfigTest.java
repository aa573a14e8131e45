package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProxiedKubeconfigTest {
  private static final String KWOKCTL_KUBECONFIG =
      """
      apiVersion: v1
      clusters:
      - cluster:
          certificate-authority: /work/kwok/clusters/toronto/pki/ca.crt
          server: https://127.0.0.1:24001
        name: kwok-toronto
      contexts:
      - context:
          cluster: kwok-toronto
          user: kwok-toronto
        name: kwok-toronto
      current-context: kwok-toronto
      kind: Config
      users:
      - name: kwok-toronto
        user:
          client-certificate: /work/kwok/clusters/toronto/pki/admin.crt
          client-key: /work/kwok/clusters/toronto/pki/admin.key
      """;

  @Test
  void pointsTheServerAtTheProxyPort() {
    String proxied = ProxiedKubeconfig.rewrite(KWOKCTL_KUBECONFIG, "127.0.0.1", 25999);

    assertThat(ProxiedKubeconfig.server(proxied)).isEqualTo(URI.create("https://127.0.0.1:25999"));
  }

  @Test
  void keepsTheCertificatesAndTheContext() {
    Config proxied =
        Serialization.unmarshal(
            ProxiedKubeconfig.rewrite(KWOKCTL_KUBECONFIG, "127.0.0.1", 25999), Config.class);

    assertThat(proxied.getClusters().get(0).getCluster().getCertificateAuthority())
        .isEqualTo("/work/kwok/clusters/toronto/pki/ca.crt");
    assertThat(proxied.getUsers().get(0).getUser().getClientCertificate())
        .isEqualTo("/work/kwok/clusters/toronto/pki/admin.crt");
    assertThat(proxied.getUsers().get(0).getUser().getClientKey())
        .isEqualTo("/work/kwok/clusters/toronto/pki/admin.key");
    assertThat(proxied.getCurrentContext()).isEqualTo("kwok-toronto");
  }

  @Test
  void readsTheServerOfTheCurrentContext() {
    assertThat(ProxiedKubeconfig.server(KWOKCTL_KUBECONFIG))
        .isEqualTo(URI.create("https://127.0.0.1:24001"));
  }

  @Test
  void refusesAKubeconfigWithoutClusters() {
    assertThatThrownBy(
            () -> ProxiedKubeconfig.rewrite("apiVersion: v1\nkind: Config\n", "127.0.0.1", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no cluster");
  }
}
