package dev.failover.operator.clusters;

import dev.failover.core.health.ProbeOutcome;
import dev.failover.core.health.ProbeResult;
import dev.failover.operator.probes.ProbeStopwatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Probes a data center's API server with {@code GET /readyz}. Asynchronous, so a hung API server
 * costs a timeout, never a blocked thread; a hang counts as a failure just like a refusal. A 401, a
 * 403 or a failed TLS handshake is told apart: the server answered, so it is a credential fault and
 * no evidence of a blackout.
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
                credentialFault(response, failure)
                    .map(stopwatch::rejected)
                    .orElseGet(
                        () ->
                            stopwatch.finish(
                                response != null && response.code() == 200, failure, timeout)));
  }

  /** 401, 403 or an untrusted server certificate; empty for anything else. */
  static Optional<ProbeOutcome> credentialFault(HttpResponse<?> response, Throwable failure) {
    if (response != null) {
      return switch (response.code()) {
        case 401 -> Optional.of(ProbeOutcome.Unauthorized);
        case 403 -> Optional.of(ProbeOutcome.Forbidden);
        default -> Optional.empty();
      };
    }
    // Only a certificate we refused: a handshake cut off by a dying server or proxy is also an
    // SSLException, and must stay a failure, or a blackout could hide behind it.
    boolean handshake = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      handshake |= cause instanceof SSLException;
      if (handshake && cause instanceof CertificateException) {
        return Optional.of(ProbeOutcome.TlsRejected);
      }
    }
    return Optional.empty();
  }

  private static URI readyz(KubernetesClient client) {
    String base = client.getConfiguration().getMasterUrl();
    return URI.create(base.endsWith("/") ? base + "readyz" : base + "/readyz");
  }
}
