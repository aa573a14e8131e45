package dev.failover.operator.notification;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.failover.operator.notification.channels.WebhookSignature;
import dev.failover.operator.notification.channels.WebhookVerifier;
import dev.failover.operator.notification.channels.WebhookVerifier.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 over HTTPS that verifies each request with {@link
 * WebhookVerifier} (401 when refused) and records the verdicts with the idempotency keys. It can be
 * stopped and started again on the same port, and told to answer with an error.
 */
final class SigningReceiver implements AutoCloseable {
  record Received(String idempotencyKey, Verdict verdict) {}

  private final LocalCertificates certificates;
  private final WebhookVerifier verifier;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(204);
  private final int port;
  private HttpsServer server;

  SigningReceiver(LocalCertificates certificates, String key) throws IOException {
    this.certificates = certificates;
    this.verifier =
        new WebhookVerifier(
            key.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC());
    this.server = start(0);
    this.port = server.getAddress().getPort();
  }

  String url() {
    return "https://127.0.0.1:" + port + "/hooks/failover";
  }

  void stop() {
    server.stop(0);
  }

  void restart() throws IOException {
    server = start(port);
  }

  private HttpsServer start(int on) throws IOException {
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(certificates.serverTls()));
    https.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          var headers = exchange.getRequestHeaders();
          String key = headers.getFirst(WebhookSignature.IDEMPOTENCY_KEY);
          Verdict verdict =
              verifier.verify(
                  headers.getFirst(WebhookSignature.TIMESTAMP),
                  headers.getFirst(WebhookSignature.SIGNATURE),
                  key,
                  body);
          received.add(new Received(key, verdict));
          boolean refused = verdict == Verdict.BAD_SIGNATURE || verdict == Verdict.STALE;
          exchange.sendResponseHeaders(refused ? 401 : answer.get(), -1);
          exchange.close();
        });
    https.start();
    return https;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
