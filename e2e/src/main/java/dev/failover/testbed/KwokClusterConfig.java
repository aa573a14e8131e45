package dev.failover.testbed;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The kwokctl configuration file for one data center: every server binds to 127.0.0.1 only, on
 * ports the testbed chose (see {@link LoopbackPorts}). kwokctl has no flag for the bind address or
 * the etcd peer port, so they go in this file, passed with {@code --config}.
 *
 * <p>A data center must run new pods again soon after a restore ({@code kwokctl start} after a
 * {@code stop}), or nothing can fail back to it. Two defaults prevent that, so they are changed:
 *
 * <ul>
 *   <li>The restarted kwok controller has a new identity and manages a fake node only once the
 *       node's Lease, held by the killed controller, has expired: 40 s times kwokctl's default
 *       heartbeat factor of 5, so 200 s, plus a renew interval; pods stay Pending until then. Here
 *       the factor is 1 and the Lease 10 s.
 *   <li>The restarted controller-manager and scheduler wait for the leader Leases of the killed
 *       ones to expire (about 20 s), and a controller-manager whose API server hangs (SIGSTOP) for
 *       longer than its renew deadline loses leadership and exits, never to be restarted. Each data
 *       center runs one of each, so leader election is off.
 * </ul>
 *
 * <p>A data center may also serve the {@code metrics.k8s.io} API, as real ones do: kwokctl then
 * runs a metrics-server beside it that scrapes kwok's emulated kubelet metrics (pods report the CPU
 * in their {@code kwok.x-k8s.io/usage-cpu} annotation). Its address must be the node's Hostname
 * (localhost): kwok's InternalIPs are TEST-NET addresses nothing listens on.
 * docs/capacity-metrics-recipe.md has the details.
 */
record KwokClusterConfig(
    int kubeApiserverPort,
    int etcdPort,
    int etcdPeerPort,
    int kubeControllerManagerPort,
    int kubeSchedulerPort,
    int kwokControllerPort,
    Optional<MetricsServer> metricsServer) {

  static final String BIND_ADDRESS = "127.0.0.1";

  /**
   * @param manifests a kustomize directory with the APIService and its Service (kwokctl's default
   *     is a URL, and the testbed has no internet)
   */
  record MetricsServer(int port, Path binary, Path kubectl, Path manifests) {}

  static KwokClusterConfig withFreePorts() {
    return withFreePorts(Optional.empty());
  }

  static KwokClusterConfig withFreePorts(Optional<MetricsServer> metricsServer) {
    return new KwokClusterConfig(
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        metricsServer);
  }

  String yaml() {
    return """
        apiVersion: config.kwok.x-k8s.io/v1alpha1
        kind: KwokctlConfiguration
        options:
          bindAddress: %s
          kubeApiserverPort: %d
          etcdPort: %d
          etcdPeerPort: %d
          kubeControllerManagerPort: %d
          kubeSchedulerPort: %d
          kwokControllerPort: %d
          heartbeatFactor: 1
          nodeLeaseDurationSeconds: 10
        %s\
        componentsPatches:
          - name: kube-controller-manager
            extraArgs:
              - {key: leader-elect, value: "false"}
          - name: kube-scheduler
            extraArgs:
              - {key: leader-elect, value: "false"}
        %s\
        """
        .formatted(
            BIND_ADDRESS,
            kubeApiserverPort,
            etcdPort,
            etcdPeerPort,
            kubeControllerManagerPort,
            kubeSchedulerPort,
            kwokControllerPort,
            metricsServer.map(KwokClusterConfig::metricsOptions).orElse(""),
            metricsServer.isPresent() ? METRICS_SERVER_PATCH : "");
  }

  /**
   * Scrapes by Hostname, and as often as metrics-server allows (10 s, where kwokctl sets 15 s): a
   * test waiting for several samples waits a third less. Its kubelet timeout must stay under 90 %
   * of that.
   */
  private static final String METRICS_SERVER_PATCH =
      """
        - name: metrics-server
          extraArgs:
            - {key: kubelet-preferred-address-types, value: Hostname, override: true}
            - {key: metric-resolution, value: 10s, override: true}
            - {key: kubelet-request-timeout, value: 5s}
      """;

  private static String metricsOptions(MetricsServer server) {
    return String.join(
        "\n",
        "  enableMetricsServer: true",
        "  metricsServerPort: " + server.port(),
        "  metricsServerBinary: " + server.binary(),
        "  metricsServerManifests:",
        "    - " + server.manifests(),
        "  kubectlBinary: " + server.kubectl(),
        "");
  }
}
