package dev.failover.operator.probes;

import dev.failover.core.health.ProbeResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Probes a workload's own HTTP health endpoint with {@code GET}: a 2xx or 3xx answer is healthy (a
 * redirect is not followed: answering at all is what counts). Asynchronous, like the API-server
 * probe, so a hung endpoint costs a timeout and never a thread.
 */
public final class HttpEndpointProbe {
  private final Clock clock;
  private final HttpClient http;

  public HttpEndpointProbe(Clock clock) {
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public ProbeTarget target(URI uri) {
    return timeout -> probe(uri, timeout);
  }

  CompletableFuture<ProbeResult> probe(URI uri, Duration timeout) {
    ProbeStopwatch stopwatch = ProbeStopwatch.start(clock);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) ->
                stopwatch.finish(
                    response != null && response.statusCode() >= 200 && response.statusCode() < 400,
                    failure,
                    timeout));
  }

  private static final String USER_AGENT = "failover-operator-probe";
}
