package dev.failover.operator.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code /metrics} (Prometheus text) on the metrics port and {@code /healthz} and {@code
 * /readyz} on the health port. Port 0 picks a free port, which tests use.
 */
public final class OperatorHttpEndpoints implements AutoCloseable {
  private final HttpServer metricsServer;
  private final HttpServer healthServer;

  public OperatorHttpEndpoints(
      PrometheusMeterRegistry registry, BooleanSupplier ready, int metricsPort, int healthPort)
      throws IOException {
    metricsServer = HttpServer.create(new InetSocketAddress(metricsPort), 0);
    metricsServer.createContext(
        "/metrics",
        exchange -> respond(exchange, 200, registry.scrape(), "text/plain; version=0.0.4"));
    healthServer = HttpServer.create(new InetSocketAddress(healthPort), 0);
    healthServer.createContext("/healthz", exchange -> respond(exchange, 200, "ok", "text/plain"));
    healthServer.createContext(
        "/readyz",
        exchange -> {
          boolean isReady = ready.getAsBoolean();
          respond(exchange, isReady ? 200 : 503, isReady ? "ok" : "not ready", "text/plain");
        });
    metricsServer.start();
    healthServer.start();
  }

  public int metricsPort() {
    return metricsServer.getAddress().getPort();
  }

  public int healthPort() {
    return healthServer.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String body, String contentType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    metricsServer.stop(0);
    healthServer.stop(0);
  }
}
