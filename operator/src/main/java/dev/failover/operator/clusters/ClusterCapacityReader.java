package dev.failover.operator.clusters;

import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.ClusterCapacity;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lists a data center's nodes and pods and measures its capacity. Both lists ask for {@code
 * resourceVersion=0}, so the API server answers from its watch cache instead of reading etcd, and
 * the pod list leaves finished and unbound pods out on the server. Asynchronous, like {@link
 * ApiServerProbe}: a data center that does not answer costs a timeout, never a blocked thread.
 */
public final class ClusterCapacityReader {
  private static final String NODES = "api/v1/nodes?resourceVersion=0";
  private static final String PODS =
      "api/v1/pods?resourceVersion=0&fieldSelector="
          + URLEncoder.encode(
              "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed",
              StandardCharsets.UTF_8);

  private final Clock clock;

  public ClusterCapacityReader(Clock clock) {
    this.clock = clock;
  }

  /** Fails with a {@link KubernetesClientException} naming the list that was refused. */
  public CompletableFuture<CapacitySnapshot> read(KubernetesClient client, Duration timeout) {
    Instant listedAt = clock.instant();
    CompletableFuture<NodeList> nodes = list(client, NODES, NodeList.class, timeout);
    CompletableFuture<PodList> pods = list(client, PODS, PodList.class, timeout);
    return nodes.thenCombine(
        pods, (n, p) -> ClusterCapacity.measure(n.getItems(), p.getItems(), listedAt));
  }

  private static <T extends KubernetesResourceList<?>> CompletableFuture<T> list(
      KubernetesClient client, String path, Class<T> type, Duration timeout) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(uri(client, path))
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    return http.sendAsync(request, String.class)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            response -> {
              if (response.code() != 200) {
                throw new KubernetesClientException(
                    "GET /" + path + " answered " + response.code() + ": " + response.body(),
                    response.code(),
                    null);
              }
              return client.getKubernetesSerialization().unmarshal(response.body(), type);
            });
  }

  private static URI uri(KubernetesClient client, String path) {
    String base = client.getConfiguration().getMasterUrl();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }
}
