package dev.failover.testbed;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;

/**
 * Turns a data center's kubeconfig into one that reaches the same API server through its toxiproxy:
 * same CA, same client certificate, only the server URL changes. The API server's certificate
 * covers 127.0.0.1, so TLS still verifies through the proxy.
 */
public final class ProxiedKubeconfig {
  private ProxiedKubeconfig() {}

  /** The kubeconfig with every cluster's server set to {@code https://host:port}. */
  public static String rewrite(String kubeconfigYaml, String host, int port) {
    Config config = Serialization.unmarshal(kubeconfigYaml, Config.class);
    if (config.getClusters() == null || config.getClusters().isEmpty()) {
      throw new IllegalArgumentException("the kubeconfig names no cluster");
    }
    for (NamedCluster cluster : config.getClusters()) {
      URI server = URI.create(cluster.getCluster().getServer());
      cluster.getCluster().setServer(server.getScheme() + "://" + host + ":" + port);
    }
    return Serialization.asYaml(config);
  }

  /** The server URL of the kubeconfig's current context. */
  public static URI server(String kubeconfigYaml) {
    Config config = Serialization.unmarshal(kubeconfigYaml, Config.class);
    String clusterName =
        config.getContexts().stream()
            .filter(c -> c.getName().equals(config.getCurrentContext()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no current context"))
            .getContext()
            .getCluster();
    return config.getClusters().stream()
        .filter(c -> c.getName().equals(clusterName))
        .findFirst()
        .map(c -> URI.create(c.getCluster().getServer()))
        .orElseThrow(() -> new IllegalArgumentException("no cluster named " + clusterName));
  }
}
