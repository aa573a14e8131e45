package dev.failover.operator.clusters;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds a client for one member data center from the kubeconfig in its Secret. Requests fail fast
 * and are never retried by the client: a slow or dead data center must show up as a failed probe
 * within the probe timeout, not after fabric8's default retry back-off. Token files and exec
 * plugins are read again as their tokens change ({@link RefreshingTokens}).
 */
public final class DataCenterClientFactory {
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Clock clock;

  public DataCenterClientFactory(Duration connectTimeout, Duration requestTimeout) {
    this(connectTimeout, requestTimeout, Clock.systemUTC());
  }

  DataCenterClientFactory(Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /**
   * @throws UnusableKubeconfigException when the kubeconfig cannot be parsed, names no usable
   *     context, or no client can be built from it
   */
  public KubernetesClient fromKubeconfig(String kubeconfig) {
    var user = KubeconfigContents.check(kubeconfig);
    Config config;
    try {
      config = Config.fromKubeconfig(kubeconfig);
    } catch (RuntimeException e) {
      // The message of a parser or plugin error may quote the kubeconfig: leave it out.
      throw new UnusableKubeconfigException(
          KubeconfigContents.INVALID,
          "no client can be built from it (" + e.getClass().getSimpleName() + ")");
    }
    user.flatMap(u -> RefreshingTokens.forUser(u, clock)).ifPresent(config::setOauthTokenProvider);
    config.setConnectionTimeout((int) connectTimeout.toMillis());
    config.setRequestTimeout((int) requestTimeout.toMillis());
    config.setRequestRetryBackoffLimit(1);
    config.setRequestRetryBackoffInterval(50);
    config.setWatchReconnectInterval(500);
    // HTTP/1.1: fabric8 retries a 401 once on the same connection, and over HTTP/2 the API server
    // answers an unauthenticated client with GOAWAY (its HTTP/2 DoS mitigation), so a rejected
    // token would surface as a broken connection, a blackout, instead of a 401.
    config.setHttp2Disable(true);
    try {
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (RuntimeException e) {
      throw new UnusableKubeconfigException(
          KubeconfigContents.INVALID,
          "no client can be built from it (" + e.getClass().getSimpleName() + ")");
    }
  }
}
