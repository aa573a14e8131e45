package dev.failover.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorHttpEndpointsTest {
  private final AtomicBoolean alive = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newHttpClient();
  private OperatorHttpEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    endpoints =
        new OperatorHttpEndpoints(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), alive::get, ready::get, 0, 0);
  }

  @AfterEach
  void stop() {
    endpoints.close();
  }

  @Test
  void healthzAnswers503OnceTheOperatorIsNotAlive() throws Exception {
    assertThat(status("/healthz")).isEqualTo(200);

    alive.set(false);

    assertThat(status("/healthz")).isEqualTo(503);
    assertThat(status("/readyz")).as("readiness is its own question").isEqualTo(200);
  }

  @Test
  void aLivenessCheckThatThrowsIsNotAlive() throws Exception {
    endpoints.close();
    endpoints =
        new OperatorHttpEndpoints(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> {
              throw new IllegalStateException("operator not started");
            },
            ready::get,
            0,
            0);

    assertThat(status("/healthz")).isEqualTo(503);
  }

  @Test
  void readyzFollowsReadiness() throws Exception {
    ready.set(false);

    assertThat(status("/readyz")).isEqualTo(503);
  }

  private int status(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.healthPort() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
