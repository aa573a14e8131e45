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
  /** A hang costs this much: short, so the test is quick. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  /**
   * For the endpoints that answer: so long that even a loaded machine answers within it, so the
   * outcome never depends on the machine's speed.
   */
  private static final Duration PATIENT = Duration.ofSeconds(10);

  private static final Duration ANSWER_DELAY = Duration.ofMillis(200);

  private final HttpEndpointProbe probe = new HttpEndpointProbe(Clock.systemUTC());
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer("/ok", 200);
    server.createContext(
        "/ok-after-a-while",
        exchange -> {
          try {
            Thread.sleep(ANSWER_DELAY.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
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
    return get(path, PATIENT);
  }

  private ProbeResult get(String path, Duration timeout) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return probe.target(uri).probe(timeout).get(timeout.toSeconds() + 5, TimeUnit.SECONDS);
  }

  @Test
  void a2xxAnswerIsHealthy() throws Exception {
    assertThat(get("/ok").outcome()).isEqualTo(ProbeOutcome.Succeeded);
  }

  @Test
  void anAnswersLatencyIsHowLongItTookNotTheTimeout() throws Exception {
    ProbeResult result = get("/ok-after-a-while");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.Succeeded);
    assertThat(result.latency()).isGreaterThanOrEqualTo(ANSWER_DELAY).isNotEqualTo(PATIENT);
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
    ProbeResult result = get("/hang", TIMEOUT);

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
            .probe(PATIENT)
            .get(PATIENT.toSeconds() + 5, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.Refused);
  }
}
