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
 * /readyz} on the health port. Port 0 picks a free port, which tests use. {@code /healthz} answers
 * 503 when the operator is not alive (a probe schedule stopped, a watch of the hub failed), so the
 * kubelet restarts it instead of leaving a frozen phase in charge.
 */
public final class OperatorHttpEndpoints implements AutoCloseable {
  private final HttpServer metricsServer;
  private final HttpServer healthServer;

  public OperatorHttpEndpoints(
      PrometheusMeterRegistry registry,
      BooleanSupplier alive,
      BooleanSupplier ready,
      int metricsPort,
      int healthPort)
      throws IOException {
    metricsServer = HttpServer.create(new InetSocketAddress(metricsPort), 0);
    metricsServer.createContext(
        "/metrics",
        exchange -> respond(exchange, 200, registry.scrape(), "text/plain; version=0.0.4"));
    healthServer = HttpServer.create(new InetSocketAddress(healthPort), 0);
    healthServer.createContext("/healthz", exchange -> answer(exchange, alive, "not alive"));
    healthServer.createContext("/readyz", exchange -> answer(exchange, ready, "not ready"));
    metricsServer.start();
    healthServer.start();
  }

  public int metricsPort() {
    return metricsServer.getAddress().getPort();
  }

  public int healthPort() {
    return healthServer.getAddress().getPort();
  }

  /** 200 when the check holds; 503 when it does not, or cannot even be asked. */
  private static void answer(HttpExchange exchange, BooleanSupplier check, String otherwise)
      throws IOException {
    boolean holds;
    try {
      holds = check.getAsBoolean();
    } catch (RuntimeException e) {
      holds = false;
    }
    respond(exchange, holds ? 200 : 503, holds ? "ok" : otherwise, "text/plain");
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
