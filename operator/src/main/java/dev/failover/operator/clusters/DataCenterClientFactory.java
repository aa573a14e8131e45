package dev.failover.operator.clusters;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;

/**
 * Builds a client for one member data center from the kubeconfig in its Secret. Requests fail fast
 * and are never retried by the client: a slow or dead data center must show up as a failed probe
 * within the probe timeout, not after fabric8's default retry back-off.
 */
public final class DataCenterClientFactory {
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  public DataCenterClientFactory(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  public KubernetesClient fromKubeconfig(String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    config.setConnectionTimeout((int) connectTimeout.toMillis());
    config.setRequestTimeout((int) requestTimeout.toMillis());
    config.setRequestRetryBackoffLimit(1);
    config.setRequestRetryBackoffInterval(50);
    config.setWatchReconnectInterval(500);
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
