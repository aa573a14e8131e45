package dev.failover.operator.clusters;

import dev.failover.core.health.ProbeResult;
import dev.failover.operator.probes.ProbeStopwatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Probes a data center's API server with {@code GET /readyz}. Asynchronous, so a hung API server
 * costs a timeout, never a blocked thread; a hang counts as a failure just like a refusal.
 */
public final class ApiServerProbe {
  private final Clock clock;

  public ApiServerProbe(Clock clock) {
    this.clock = clock;
  }

  public CompletableFuture<ProbeResult> probe(KubernetesClient client, Duration timeout) {
    ProbeStopwatch stopwatch = ProbeStopwatch.start(clock);
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(readyz(client))
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    return http.sendAsync(request, String.class)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) ->
                stopwatch.finish(response != null && response.code() == 200, failure, timeout));
  }

  private static URI readyz(KubernetesClient client) {
    String base = client.getConfiguration().getMasterUrl();
    return URI.create(base.endsWith("/") ? base + "readyz" : base + "/readyz");
  }
}
