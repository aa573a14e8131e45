package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.failover.core.health.ProbeOutcome;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 401, 403 and an untrusted certificate are told apart from a refusal. */
class ApiServerProbeTest {
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/readyz",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
    client =
        new DataCenterClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .fromKubeconfig(
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: dc, cluster: {server: 'http://127.0.0.1:%d'}}]
                users: [{name: op, user: {token: revoked}}]
                contexts: [{name: dc, context: {cluster: dc, user: op}}]
                current-context: dc
                """
                    .formatted(server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void unauthorizedAndForbiddenAreCredentialFaultsAndA5xxIsARefusal() {
    assertThat(probe(401)).isEqualTo(ProbeOutcome.Unauthorized);
    assertThat(probe(403)).isEqualTo(ProbeOutcome.Forbidden);
    assertThat(probe(503)).isEqualTo(ProbeOutcome.Refused);
    assertThat(probe(200)).isEqualTo(ProbeOutcome.Succeeded);
  }

  @Test
  void onlyACertificateWeRefusedIsATlsFaultNotAHandshakeCutOff() {
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("unable to find valid certification path"));
    SSLHandshakeException cutOff =
        new SSLHandshakeException("Remote host terminated the handshake");

    assertThat(ApiServerProbe.credentialFault(null, new CompletionException(untrusted)))
        .contains(ProbeOutcome.TlsRejected);
    assertThat(ApiServerProbe.credentialFault(null, new CompletionException(cutOff))).isEmpty();
  }

  private ProbeOutcome probe(int code) {
    status.set(code);
    return new ApiServerProbe(Clock.systemUTC())
        .probe(client, Duration.ofSeconds(5))
        .join()
        .outcome();
  }
}
