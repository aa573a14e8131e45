package dev.failover.operator.clusters;

import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.ClusterCapacity;
import dev.failover.core.capacity.CpuUsage;
import dev.failover.core.capacity.NodeUsage;
import dev.failover.core.capacity.Resources;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lists a data center's nodes and pods and measures its capacity. Both lists are read in pages of
 * {@link #PAGE_SIZE} ({@code limit} and {@code continue}), and each page of pods is reduced to its
 * requests before the next is read: memory stays bounded by one page however many pods a data
 * center runs, and of each pod only the fields capacity needs are parsed ({@link
 * CapacityPodFields}). The pod list leaves finished and unbound pods out on the server.
 * Asynchronous, like {@link ApiServerProbe}: a data center that does not answer costs a timeout,
 * never a blocked thread, and the timeout bounds the whole listing, every page included.
 */
public final class ClusterCapacityReader {
  /** Pods per page: a page of 500 pods is about 2 MB of JSON. */
  public static final int PAGE_SIZE = 500;

  private static final String NODES = "api/v1/nodes";
  private static final String NODE_METRICS = "apis/metrics.k8s.io/v1beta1/nodes";
  private static final String PODS =
      "api/v1/pods?fieldSelector="
          + URLEncoder.encode(
              "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed",
              StandardCharsets.UTF_8);

  private final Clock clock;
  private final int pageSize;

  public ClusterCapacityReader(Clock clock) {
    this(clock, PAGE_SIZE);
  }

  public ClusterCapacityReader(Clock clock, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** Fails with a {@link KubernetesClientException} naming the list that was refused. */
  public CompletableFuture<CapacitySnapshot> read(KubernetesClient client, Duration timeout) {
    Instant listedAt = clock.instant();
    List<Node> nodes = new ArrayList<>();
    Resources[] requested = {Resources.NONE};
    return pages(
            client,
            NODES,
            typed(client, NodeList.class),
            page -> nodes.addAll(page.getItems()),
            timeout,
            null)
        .thenCompose(
            done ->
                pages(
                    client,
                    PODS,
                    CapacityPodFields::parse,
                    // Only the sum is kept; the usable nodes are judged once per page.
                    page ->
                        requested[0] =
                            requested[0].plus(
                                ClusterCapacity.measure(nodes, page.getItems(), listedAt)
                                    .requested()),
                    timeout,
                    null))
        .thenCompose(done -> cpuUsage(client, nodes, timeout))
        .thenApply(
            usage -> {
              CapacitySnapshot offered = ClusterCapacity.measure(nodes, List.of(), listedAt);
              return new CapacitySnapshot(
                  offered.allocatable(), requested[0], offered.readyNodes(), listedAt, usage);
            })
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The nodes' CPU usage from the metrics API. Optional in a data center: one without
   * metrics-server (404), one whose metrics-server is not up yet (503), or an identity not allowed
   * to read it (403) still has its capacity measured, with the usage unknown. Half the timeout at
   * most, so a hung metrics-server does not cost the capacity too.
   */
  private CompletableFuture<Optional<CpuUsage>> cpuUsage(
      KubernetesClient client, List<Node> nodes, Duration timeout) {
    Duration half = timeout.dividedBy(2);
    return page(client, NODE_METRICS, typed(client, NodeMetricsList.class), half, null)
        .orTimeout(half.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(metrics -> NodeUsage.measure(nodes, metrics.getItems()))
        .exceptionally(unknown -> Optional.empty());
  }

  /** Reads every page in turn, handing each to {@code each}; completes after the last. */
  private <T extends KubernetesResourceList<?>> CompletableFuture<Void> pages(
      KubernetesClient client,
      String path,
      Function<byte[], T> parse,
      Consumer<T> each,
      Duration timeout,
      String continueToken) {
    return page(client, path, parse, timeout, continueToken)
        .thenCompose(
            page -> {
              each.accept(page);
              String next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
              return next == null || next.isEmpty()
                  ? CompletableFuture.completedFuture(null)
                  : pages(client, path, parse, each, timeout, next);
            });
  }

  private <T extends KubernetesResourceList<?>> CompletableFuture<T> page(
      KubernetesClient client,
      String path,
      Function<byte[], T> parse,
      Duration timeout,
      String continueToken) {
    String query =
        (path.contains("?") ? "&" : "?")
            + "limit="
            + pageSize
            + (continueToken == null
                ? ""
                : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(uri(client, path + query))
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    return http.sendAsync(request, byte[].class)
        .thenApply(
            response -> {
              if (response.code() != 200) {
                // The status code only: an error body can be long, and says nothing more here.
                throw new KubernetesClientException(
                    "GET /" + path + " answered " + response.code(), response.code(), null);
              }
              return parse.apply(response.body());
            });
  }

  private static <T> Function<byte[], T> typed(KubernetesClient client, Class<T> type) {
    return json ->
        client.getKubernetesSerialization().unmarshal(new ByteArrayInputStream(json), type);
  }

  private static URI uri(KubernetesClient client, String path) {
    String base = client.getConfiguration().getMasterUrl();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }
}
