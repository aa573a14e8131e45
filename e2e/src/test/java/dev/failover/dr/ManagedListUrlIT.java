package dev.failover.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.failover.core.dr.egress.EgressDestination;
import dev.failover.operator.dr.egress.ListUrlGuard;
import dev.failover.operator.dr.egress.ManagedAllowlist;
import dev.failover.operator.dr.egress.ManagedListState;
import dev.failover.operator.dr.egress.UrlListSource;
import dev.failover.operator.notification.LocalCertificates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The managed allowlist fetched from a real HTTPS server on 127.0.0.1 (a CA minted for the test): a
 * good list is read; an error answer, a redirect, or a page that is not a list keeps the last good
 * list and says so; and the guard the operator uses refuses the loopback address outright.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedListUrlIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HttpsServer server;
  private HttpClient http;
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> body =
      new AtomicReference<>("# critical\n203.0.113.0/24\napi.shop.example\n");

  @BeforeAll
  void startServer() throws Exception {
    LocalCertificates certificates = LocalCertificates.mint();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverTls()));
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          if (status.get() == 302) {
            exchange.getResponseHeaders().add("Location", "https://169.254.169.254/latest");
            exchange.sendResponseHeaders(302, -1);
          } else {
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    http =
        HttpClient.newBuilder()
            .sslContext(trusting(certificates.caPem()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI url() {
    return URI.create(
        "https://127.0.0.1:" + server.getAddress().getPort() + "/lists/critical.txt?token=secret");
  }

  private ManagedAllowlist allowlist(ListUrlGuard guard) {
    return new ManagedAllowlist(
        Optional.of(new UrlListSource(url(), http, guard, TIMEOUT)),
        Duration.ofMinutes(15),
        Clock.systemUTC(),
        new SimpleMeterRegistry());
  }

  @Test
  void aGoodListIsReadAndEveryFailureKeepsItAndSaysWhy() {
    ManagedAllowlist list = allowlist(ListUrlGuard.allowingLoopbackForTests());
    try {
      ManagedListState good = list.refresh();
      assertThat(good.entries())
          .containsExactly(
              new EgressDestination.Block("203.0.113.0/24"),
              new EgressDestination.Hostname("api.shop.example"));
      assertThat(good.source()).isEqualTo("https://127.0.0.1:" + server.getAddress().getPort());

      status.set(503);
      ManagedListState unavailable = list.refresh();
      assertThat(unavailable.entries()).isEqualTo(good.entries());
      assertThat(unavailable.lastError())
          .get()
          .asString()
          .contains("answered HTTP 503")
          .contains("keeping the list read at")
          .doesNotContain("secret");

      status.set(302);
      assertThat(list.refresh().lastError()).get().asString().contains("answered HTTP 302");
      assertThat(list.refresh().entries()).isEqualTo(good.entries());

      status.set(200);
      body.set("<html><body>Please log in</body></html>\n");
      ManagedListState notAList = list.refresh();
      assertThat(notAList.entries()).isEqualTo(good.entries());
      assertThat(notAList.lastError()).get().asString().contains("line 1: ");
    } finally {
      status.set(200);
      body.set("# critical\n203.0.113.0/24\napi.shop.example\n");
    }
    assertThat(list.refresh().lastError()).as("recovered").isEmpty();
  }

  @Test
  void theOperatorsGuardRefusesLoopback() {
    ManagedListState refused = allowlist(ListUrlGuard.strict()).refresh();

    assertThat(refused.entries()).isEmpty();
    assertThat(refused.lastError())
        .get()
        .asString()
        .contains("127.0.0.1 is, or resolves to, 127.0.0.1: an internal address")
        .doesNotContain("secret");
  }

  private static SSLContext trusting(String caPem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
