package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KwokClusterConfigTest {

  @Test
  void bindsEveryServerToLoopbackOnTheChosenPorts() {
    String yaml = new KwokClusterConfig(21001, 21002, 21003, 21004, 21005, 21006).yaml();

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
    String yaml = new KwokClusterConfig(21001, 21002, 21003, 21004, 21005, 21006).yaml();

    assertThat(yaml)
        .contains("heartbeatFactor: 1")
        .contains("nodeLeaseDurationSeconds: 10")
        .contains("- name: kube-controller-manager")
        .contains("- name: kube-scheduler")
        .contains("{key: leader-elect, value: \"false\"}");
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
