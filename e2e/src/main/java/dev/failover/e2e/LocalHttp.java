package dev.failover.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs to the operator's endpoints on loopback, with short timeouts. */
public final class LocalHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  private LocalHttp() {}

  /** The response, whatever its status; an unreachable endpoint throws. */
  public static HttpResponse<String> get(URI uri) {
    try {
      return tryGet(uri);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed", e);
    }
  }

  /** Like {@link #get(URI)}, for pollers that expect the endpoint to be down for a while. */
  static HttpResponse<String> tryGet(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + uri, e);
    }
  }
}
