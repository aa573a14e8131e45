package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client built from a kubeconfig with a token file or an exec plugin sends the current token, not
 * the one it started with: fabric8 alone reads a token file not at all and runs a plugin once.
 */
class ShortLivedTokensTest {
  @TempDir Path dir;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/readyz",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.stop(0);
  }

  @Test
  void aTokenFileRotatedOnDiskIsSentFromTheNextRequestOn() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "first-token\n");
    client = factory(Clock.systemUTC()).fromKubeconfig(kubeconfig("tokenFile: " + token));

    readyz();
    Files.writeString(token, "second-token\n");
    Files.setLastModifiedTime(token, FileTime.from(Instant.now().plusSeconds(5)));
    readyz();

    assertThat(authorizations).containsExactly("Bearer first-token", "Bearer second-token");
  }

  @Test
  void anExecPluginRunsAgainOnceItsCredentialExpires() throws Exception {
    Path runs = dir.resolve("runs");
    Path plugin = dir.resolve("plugin.sh");
    // Each run hands out a new token that expires 30s after 2026-01-01T00:00:00Z.
    Files.writeString(
        plugin,
        """
        #!/bin/sh
        echo x >> %s
        n=$(wc -l < %s | tr -d ' ')
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",'
        printf '"status":{"token":"token-%%s","expirationTimestamp":"2026-01-01T00:00:30Z"}}' "$n"
        """
            .formatted(runs, runs));
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    client =
        factory(clock)
            .fromKubeconfig(
                kubeconfig(
                    "exec: {apiVersion: client.authentication.k8s.io/v1, command: "
                        + plugin
                        + "}"));

    readyz();
    String first = authorizations.get(0);
    readyz();
    clock.now = Instant.parse("2026-01-01T00:00:25Z"); // within 10s of expiry: renew
    readyz();

    assertThat(authorizations.get(1)).as("cached while valid").isEqualTo(first);
    assertThat(authorizations.get(2)).isNotEqualTo(first).startsWith("Bearer token-");
  }

  private void readyz() throws Exception {
    var http = client.getHttpClient();
    http.sendAsync(
            http.newHttpRequestBuilder()
                .uri(client.getConfiguration().getMasterUrl() + "readyz")
                .build(),
            String.class)
        .get();
  }

  private String kubeconfig(String user) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: dc, cluster: {server: 'http://127.0.0.1:%d'}}]
        users: [{name: op, user: {%s}}]
        contexts: [{name: dc, context: {cluster: dc, user: op}}]
        current-context: dc
        """
        .formatted(server.getAddress().getPort(), user);
  }

  private static DataCenterClientFactory factory(Clock clock) {
    return new DataCenterClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(5), clock);
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
