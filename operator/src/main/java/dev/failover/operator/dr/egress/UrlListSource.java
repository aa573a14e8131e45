package dev.failover.operator.dr.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The managed list served over https. Checked by the {@link ListUrlGuard} before every fetch (a
 * name may resolve elsewhere tomorrow), redirects are not followed (one could lead inside), the
 * request is bounded by a timeout and the body by {@link #MAX_BYTES}.
 */
public final class UrlListSource implements ManagedListSource {
  static final int MAX_BYTES = 1 << 20;

  private final URI uri;
  private final HttpClient http;
  private final ListUrlGuard guard;
  private final Duration timeout;

  /**
   * @param http built with {@code Redirect.NEVER} (the default); tests pass one trusting their CA
   */
  public UrlListSource(URI uri, HttpClient http, ListUrlGuard guard, Duration timeout) {
    this.uri = uri;
    this.http = http;
    this.guard = guard;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return ListUrlGuard.describe(uri);
  }

  @Override
  public String read() throws IOException, InterruptedException {
    guard.check(uri);
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(describe() + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(describe() + " served more than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
