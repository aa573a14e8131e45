package dev.failover.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.failover.core.health.ProbeOutcome;
import dev.failover.core.health.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1: the answers a workload endpoint can give. */
class HttpEndpointProbeTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final HttpEndpointProbe probe = new HttpEndpointProbe(Clock.systemUTC());
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer("/ok", 200);
    answer("/redirect", 302);
    answer("/unavailable", 503);
    server.createContext(
        "/hang",
        exchange -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private void answer(String path, int code) {
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/elsewhere");
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
  }

  private ProbeResult get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return probe.target(uri).probe(TIMEOUT).get(5, TimeUnit.SECONDS);
  }

  @Test
  void a2xxAnswerIsHealthy() throws Exception {
    ProbeResult result = get("/ok");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.Succeeded);
    assertThat(result.latency()).isLessThan(TIMEOUT);
  }

  @Test
  void aRedirectCountsAsAnAnswerAndIsNotFollowed() throws Exception {
    assertThat(get("/redirect").outcome()).isEqualTo(ProbeOutcome.Succeeded);
  }

  @Test
  void a5xxAnswerIsAFailure() throws Exception {
    assertThat(get("/unavailable").outcome()).isEqualTo(ProbeOutcome.Refused);
  }

  @Test
  void aHangCostsTheTimeoutAndIsAFailure() throws Exception {
    ProbeResult result = get("/hang");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.TimedOut);
    assertThat(result.latency()).isEqualTo(TIMEOUT);
  }

  @Test
  void aClosedPortIsRefused() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    ProbeResult result =
        probe
            .target(URI.create("http://127.0.0.1:" + closed + "/healthz"))
            .probe(TIMEOUT)
            .get(5, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.Refused);
  }
}
