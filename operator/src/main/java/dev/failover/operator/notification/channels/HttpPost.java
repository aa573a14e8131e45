package dev.failover.operator.notification.channels;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * One POST to a receiver within bounded time, its answer mapped to an outcome: 2xx delivered; 408,
 * 425, 429 and 5xx worth retrying; any other status permanent; a connection that fails (refused,
 * timed out, TLS not trusted) retried. Redirects are not followed: they could lead past the host
 * checks.
 */
final class HttpPost {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  HttpPost(SSLContext tls) {
    this.client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  DeliveryResult post(URI url, Map<String, String> headers, byte[] body) {
    String where = Destinations.describe(url);
    String refusal = Destinations.refusal(url.getHost());
    if (refusal != null) {
      return DeliveryResult.retryable(null, "not sent to " + where + ": " + refusal);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return outcome(where, response.statusCode());
    } catch (HttpConnectTimeoutException e) {
      return DeliveryResult.retryable(
          null, "no connection to " + where + " within " + CONNECT_TIMEOUT.toSeconds() + "s");
    } catch (HttpTimeoutException e) {
      return DeliveryResult.retryable(
          null, where + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + "s");
    } catch (ConnectException e) {
      return DeliveryResult.retryable(null, "connection to " + where + " refused");
    } catch (SSLException e) {
      return DeliveryResult.retryable(
          null,
          "TLS with "
              + where
              + " failed: its certificate is not trusted or does not name the host (set"
              + " caBundleSecretRef for a private CA)");
    } catch (IOException e) {
      return DeliveryResult.retryable(
          null, "sending to " + where + " failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable(null, "sending to " + where + " was interrupted");
    }
  }

  static DeliveryResult outcome(String where, int status) {
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(status);
    }
    String error = where + " answered HTTP " + status;
    return status == 408 || status == 425 || status == 429 || status >= 500
        ? DeliveryResult.retryable(status, error)
        : DeliveryResult.permanent(status, error);
  }
}
