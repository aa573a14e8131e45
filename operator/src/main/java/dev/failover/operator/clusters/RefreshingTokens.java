package dev.failover.operator.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short-lived tokens that stay fresh. fabric8 reads a kubeconfig's {@code tokenFile} not at all,
 * and runs an {@code exec} plugin once, when the client is built: a client built from a Secret's
 * text has no file to reload, so the token would expire into 401s. A token provider set on the
 * client is asked before every request (and again after a 401), so these read the file again when
 * it changes, and run the plugin again before its credential expires.
 */
final class RefreshingTokens {
  private static final Logger log = LoggerFactory.getLogger(RefreshingTokens.class);

  private RefreshingTokens() {}

  /** A provider for a user with a token file or an exec plugin; empty for any other user. */
  static Optional<OAuthTokenProvider> forUser(AuthInfo user, Clock clock) {
    if (user.getExec() != null && user.getExec().getCommand() != null) {
      return Optional.of(new ExecPlugin(user.getExec(), clock));
    }
    if (user.getTokenFile() != null && (user.getToken() == null || user.getToken().isBlank())) {
      return Optional.of(new TokenFile(Path.of(user.getTokenFile())));
    }
    return Optional.empty();
  }

  /** Reads the file again whenever it changed, as a projected token is rotated on disk. */
  static final class TokenFile implements OAuthTokenProvider {
    private final Path file;
    private volatile FileTime readAt;
    private volatile String token;

    TokenFile(Path file) {
      this.file = file;
    }

    @Override
    public String getToken() {
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (token == null || !modified.equals(readAt)) {
          token = Files.readString(file).trim();
          readAt = modified;
        }
      } catch (IOException e) {
        // Keep the last token: the server says whether it still holds.
        log.warn("cannot read the token file {}: {}", file, e.getClass().getSimpleName());
      }
      return token;
    }
  }

  /**
   * Runs a client-go credential plugin and keeps its token until shortly before it expires (or a
   * minute, when the plugin gives no expiry). Its stderr is discarded: a plugin may print secrets.
   */
  static final class ExecPlugin implements OAuthTokenProvider {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EARLY = Duration.ofSeconds(10);
    private static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(1);
    private static final int MAX_OUTPUT = 1 << 20;

    /**
     * A plugin's output is read while it runs, which blocks; never on the common pool, whose few
     * workers complete every HTTP response (see the operator's main).
     */
    private static final ExecutorService OUTPUT_READERS =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "credential-plugin-output");
              thread.setDaemon(true);
              return thread;
            });

    private final ExecConfig exec;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ExecPlugin(ExecConfig exec, Clock clock) {
      this.exec = exec;
      this.clock = clock;
    }

    @Override
    public synchronized String getToken() {
      if (token == null || !clock.instant().isBefore(renewAt)) {
        try {
          run();
        } catch (IOException | RuntimeException e) {
          // Our own messages only: a parser's would quote the plugin's output, token included.
          String why =
              e instanceof IllegalStateException ? e.getMessage() : e.getClass().getSimpleName();
          log.warn("credential plugin {} failed: {}", exec.getCommand(), why);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return token;
    }

    private void run() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(exec.getCommand());
      if (exec.getArgs() != null) {
        command.addAll(exec.getArgs());
      }
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      if (exec.getEnv() != null) {
        exec.getEnv()
            .forEach(
                variable -> builder.environment().put(variable.getName(), variable.getValue()));
      }
      String apiVersion =
          exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
      builder
          .environment()
          .put(
              "KUBERNETES_EXEC_INFO",
              "{\"apiVersion\":\""
                  + apiVersion
                  + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
      Process process = builder.start();
      try (InputStream out = process.getInputStream()) {
        CompletableFuture<byte[]> read =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return out.readNBytes(MAX_OUTPUT);
                  } catch (IOException e) {
                    throw new IllegalStateException("cannot read its output", e);
                  }
                },
                OUTPUT_READERS);
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "it did not finish within " + RUN_TIMEOUT.toSeconds() + "s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException("it exited with " + process.exitValue());
        }
        JsonNode status =
            new ObjectMapper()
                .readTree(read.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .path("status");
        String fresh = status.path("token").asText(null);
        if (fresh == null || fresh.isBlank()) {
          throw new IllegalStateException("its ExecCredential has no status.token");
        }
        token = fresh;
        String expiry = status.path("expirationTimestamp").asText(null);
        renewAt =
            expiry == null
                ? clock.instant().plus(WITHOUT_EXPIRY)
                : Instant.parse(expiry).minus(EARLY);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("cannot read its output", e);
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
