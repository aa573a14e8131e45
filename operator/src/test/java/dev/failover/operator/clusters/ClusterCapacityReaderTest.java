package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.CpuUsage;
import dev.failover.core.capacity.Resources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pod list is read in pages (limit and continue), never as one response; CPU usage comes from
 * the metrics API where one answers, and is unknown, not a failed measurement, where none does.
 */
class ClusterCapacityReaderTest {
  private static final int PODS = 7;
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/nodes",
        exchange ->
            respond(
                exchange,
                """
                {"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"n1"},
                 "status":{"allocatable":{"cpu":"8","memory":"8Gi"},
                 "conditions":[{"type":"Ready","status":"True"}]}}]}
                """));
    server.createContext(
        "/api/v1/pods",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(query);
          int limit = Integer.parseInt(param(query, "limit"));
          String token = param(query, "continue");
          int from = token == null ? 0 : Integer.parseInt(token);
          int to = Math.min(PODS, from + limit);
          StringBuilder items = new StringBuilder();
          for (int i = from; i < to; i++) {
            items.append(i == from ? "" : ",").append(pod(i));
          }
          String next = to < PODS ? "\"continue\":\"" + to + "\"" : "";
          respond(
              exchange,
              "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{"
                  + next
                  + "},\"items\":["
                  + items
                  + "]}");
        });
    server.start();
    client =
        new DataCenterClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .fromKubeconfig(
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: dc, cluster: {server: 'http://127.0.0.1:%d'}}]
                users: [{name: op, user: {}}]
                contexts: [{name: dc, context: {cluster: dc, user: op}}]
                current-context: dc
                """
                    .formatted(server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void theNodesCpuUsageComesFromTheMetricsApi() {
    server.createContext(
        "/apis/metrics.k8s.io/v1beta1/nodes",
        exchange ->
            respond(
                exchange,
                """
                {"kind":"NodeMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},
                 "items":[{"metadata":{"name":"n1"},"timestamp":"2026-12-01T04:07:37Z",
                 "window":"15.005s","usage":{"cpu":"5994665928n","memory":"2Gi"}}]}
                """));

    CapacitySnapshot snapshot =
        new ClusterCapacityReader(Clock.systemUTC(), 3).read(client, Duration.ofSeconds(10)).join();

    assertThat(snapshot.cpuUsage())
        .hasValue(new CpuUsage(5995, Instant.parse("2026-12-01T04:07:37Z")));
    assertThat(snapshot.cpuUtilizationPercent().getAsDouble()).isCloseTo(74.9, within(0.1));
  }

  @Test
  void withoutAMetricsApiTheCapacityIsMeasuredAndTheUsageUnknown() {
    // No context for /apis/metrics.k8s.io: the server answers 404, as a data center without
    // metrics-server does.
    CapacitySnapshot snapshot =
        new ClusterCapacityReader(Clock.systemUTC(), 3).read(client, Duration.ofSeconds(10)).join();

    assertThat(snapshot.requested()).isEqualTo(new Resources(PODS * 100, PODS * (64L << 20)));
    assertThat(snapshot.cpuUsage()).isEmpty();
    assertThat(snapshot.cpuUtilizationPercent()).isEmpty();
  }

  @Test
  void readsEveryPageAndAddsUpTheRequestsOfAllOfThem() {
    CapacitySnapshot snapshot =
        new ClusterCapacityReader(Clock.systemUTC(), 3).read(client, Duration.ofSeconds(10)).join();

    assertThat(snapshot.requested()).isEqualTo(new Resources(PODS * 100, PODS * (64L << 20)));
    assertThat(snapshot.readyNodes()).isEqualTo(1);
    assertThat(queries).hasSize(3).allSatisfy(query -> assertThat(query).contains("limit=3"));
    assertThat(queries.get(1)).contains("continue=3");
    assertThat(queries.get(2)).contains("continue=6");
  }

  private static String pod(int i) {
    return """
        {"metadata":{"name":"p%d"},"spec":{"nodeName":"n1","containers":[{"name":"c",
         "resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]},"status":{"phase":"Running"}}
        """
        .formatted(i);
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
