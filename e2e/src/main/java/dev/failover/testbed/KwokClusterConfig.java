package dev.failover.testbed;

/**
 * The kwokctl configuration file for one data center: every server binds to 127.0.0.1 only, on
 * ports the testbed chose (see {@link LoopbackPorts}). kwokctl has no flag for the bind address or
 * the etcd peer port, so they go in this file, passed with {@code --config}.
 */
record KwokClusterConfig(
    int kubeApiserverPort,
    int etcdPort,
    int etcdPeerPort,
    int kubeControllerManagerPort,
    int kubeSchedulerPort,
    int kwokControllerPort) {

  static final String BIND_ADDRESS = "127.0.0.1";

  static KwokClusterConfig withFreePorts() {
    return new KwokClusterConfig(
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free());
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
        """
        .formatted(
            BIND_ADDRESS,
            kubeApiserverPort,
            etcdPort,
            etcdPeerPort,
            kubeControllerManagerPort,
            kubeSchedulerPort,
            kwokControllerPort);
  }
}
