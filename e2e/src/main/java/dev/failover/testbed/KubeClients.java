package dev.failover.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * fabric8 clients for a data center's kubeconfig files. They do not retry: a test that cuts a data
 * center off wants the failure at once, not after fabric8's default ten retries.
 */
public final class KubeClients {
  /** Generous enough for a loaded 2-core machine, short enough to see an outage quickly. */
  public static final Duration DIRECT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  public static final Duration DIRECT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration PROXIED_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration PROXIED_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private KubeClients() {}

  /** A client configuration read from the kubeconfig file, with the given timeouts. */
  public static Config config(Path kubeconfig, Duration connectTimeout, Duration requestTimeout) {
    try {
      Config config =
          Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
      config.setConnectionTimeout((int) connectTimeout.toMillis());
      config.setRequestTimeout((int) requestTimeout.toMillis());
      config.setRequestRetryBackoffLimit(0);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
    }
  }

  public static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
