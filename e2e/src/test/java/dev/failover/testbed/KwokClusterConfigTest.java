package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KwokClusterConfigTest {

  @Test
  void bindsEveryServerToLoopbackOnTheChosenPorts() {
    String yaml =
        new KwokClusterConfig(21001, 21002, 21003, 21004, 21005, 21006, Optional.empty()).yaml();

    assertThat(yaml)
        .contains("kind: KwokctlConfiguration")
        .contains("bindAddress: 127.0.0.1")
        .contains("kubeApiserverPort: 21001")
        .contains("etcdPort: 21002")
        .contains("etcdPeerPort: 21003")
        .contains("kubeControllerManagerPort: 21004")
        .contains("kubeSchedulerPort: 21005")
        .contains("kwokControllerPort: 21006")
        .doesNotContain("0.0.0.0");
  }

  @Test
  void aRestoredDataCenterRunsPodsSoonAndSurvivesAHang() {
    String yaml =
        new KwokClusterConfig(21001, 21002, 21003, 21004, 21005, 21006, Optional.empty()).yaml();

    assertThat(yaml)
        .contains("heartbeatFactor: 1")
        .contains("nodeLeaseDurationSeconds: 10")
        .contains("- name: kube-controller-manager")
        .contains("- name: kube-scheduler")
        .contains("{key: leader-elect, value: \"false\"}");
  }

  @Test
  void byDefaultNoMetricsServer() {
    assertThat(
            new KwokClusterConfig(21001, 21002, 21003, 21004, 21005, 21006, Optional.empty())
                .yaml())
        .doesNotContain("metrics");
  }

  @Test
  void aMetricsServerOnLoopbackWithOfflineManifestsThatScrapesTheNodesByHostname()
      throws Exception {
    String yaml =
        new KwokClusterConfig(
                21001,
                21002,
                21003,
                21004,
                21005,
                21006,
                Optional.of(
                    new KwokClusterConfig.MetricsServer(
                        21007,
                        Path.of("/bin/metrics-server"),
                        Path.of("/bin/kubectl"),
                        Path.of("/tb/metrics-apiservice"))))
            .yaml();

    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    JsonNode options = config.get("options");
    assertThat(options.get("enableMetricsServer").asBoolean()).isTrue();
    assertThat(options.get("metricsServerPort").asInt()).isEqualTo(21007);
    assertThat(options.get("metricsServerBinary").asText()).isEqualTo("/bin/metrics-server");
    assertThat(options.get("kubectlBinary").asText()).isEqualTo("/bin/kubectl");
    assertThat(options.get("metricsServerManifests").get(0).asText())
        .isEqualTo("/tb/metrics-apiservice");
    assertThat(options.get("bindAddress").asText()).isEqualTo("127.0.0.1");
    JsonNode patches = config.get("componentsPatches");
    assertThat(patches).hasSize(3);
    JsonNode metrics = patches.get(2);
    assertThat(metrics.get("name").asText()).isEqualTo("metrics-server");
    assertThat(metrics.get("extraArgs").get(0).get("key").asText())
        .isEqualTo("kubelet-preferred-address-types");
    assertThat(metrics.get("extraArgs").get(0).get("value").asText()).isEqualTo("Hostname");
    assertThat(metrics.get("extraArgs").get(0).get("override").asBoolean()).isTrue();
    assertThat(metrics.get("extraArgs").get(1).get("key").asText()).isEqualTo("metric-resolution");
    assertThat(metrics.get("extraArgs").get(1).get("value").asText()).isEqualTo("10s");
    assertThat(metrics.get("extraArgs").get(1).get("override").asBoolean()).isTrue();
    assertThat(metrics.get("extraArgs").get(2).get("key").asText())
        .isEqualTo("kubelet-request-timeout");
    assertThat(metrics.get("extraArgs").get(2).get("value").asText()).isEqualTo("5s");
  }

  @Test
  void freePortsAreDistinct() {
    KwokClusterConfig config = KwokClusterConfig.withFreePorts();

    assertThat(
            Set.of(
                config.kubeApiserverPort(),
                config.etcdPort(),
                config.etcdPeerPort(),
                config.kubeControllerManagerPort(),
                config.kubeSchedulerPort(),
                config.kwokControllerPort()))
        .hasSize(6);
  }
}
