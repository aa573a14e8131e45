package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfContainedKubeconfigTest {
  @TempDir Path dir;

  @Test
  void inlinesTheCaCertificateAndKeyNamedByAbsoluteOrRelativePath() throws Exception {
    Files.writeString(dir.resolve("ca.crt"), "CA PEM");
    Files.createDirectories(dir.resolve("pki"));
    Files.writeString(dir.resolve("pki/admin.crt"), "CERT PEM");
    Files.writeString(dir.resolve("pki/admin.key"), "KEY PEM");
    Path kubeconfig = dir.resolve("toronto.yaml");
    Files.writeString(kubeconfig, kubeconfig(dir.resolve("ca.crt").toString(), "pki/admin.crt"));

    String inlined = SelfContainedKubeconfig.of(kubeconfig);

    assertThat(inlined).doesNotContain(dir.toString()).doesNotContain("pki/");
    Config config = Config.fromKubeconfig(inlined);
    assertThat(decode(config.getCaCertData())).isEqualTo("CA PEM");
    assertThat(decode(config.getClientCertData())).isEqualTo("CERT PEM");
    assertThat(decode(config.getClientKeyData())).isEqualTo("KEY PEM");
    assertThat(config.getCaCertFile()).isNull();
    assertThat(config.getClientCertFile()).isNull();
    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:24063");
  }

  @Test
  void withATokenTheAdminCertificateIsGoneAndTheClusterStays() throws Exception {
    Files.writeString(dir.resolve("ca.crt"), "CA PEM");
    Files.createDirectories(dir.resolve("pki"));
    Files.writeString(dir.resolve("pki/admin.crt"), "CERT PEM");
    Files.writeString(dir.resolve("pki/admin.key"), "KEY PEM");
    Path kubeconfig = dir.resolve("toronto.yaml");
    Files.writeString(kubeconfig, kubeconfig("ca.crt", "pki/admin.crt"));

    String withToken =
        SelfContainedKubeconfig.withToken(SelfContainedKubeconfig.of(kubeconfig), "t0ken");

    Config config = Config.fromKubeconfig(withToken);
    assertThat(config.getAutoOAuthToken()).isEqualTo("t0ken");
    assertThat(config.getClientCertData()).isNull();
    assertThat(config.getClientKeyData()).isNull();
    assertThat(decode(config.getCaCertData())).isEqualTo("CA PEM");
    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:24063");
  }

  @Test
  void aMissingFileIsNamedInTheError() throws Exception {
    Path kubeconfig = dir.resolve("broken.yaml");
    Files.writeString(kubeconfig, kubeconfig("/nonexistent/ca.crt", "admin.crt"));

    assertThatThrownBy(() -> SelfContainedKubeconfig.of(kubeconfig))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("/nonexistent/ca.crt");
  }

  private static String kubeconfig(String ca, String cert) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            certificate-authority: "%s"
            server: "https://127.0.0.1:24063"
          name: kwok-toronto
        contexts:
        - context:
            cluster: kwok-toronto
            user: kwok-toronto
          name: kwok-toronto
        current-context: kwok-toronto
        users:
        - name: kwok-toronto
          user:
            client-certificate: "%s"
            client-key: "pki/admin.key"
        """
        .formatted(ca, cert);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64));
  }
}
