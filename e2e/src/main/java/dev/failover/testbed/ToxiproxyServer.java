package dev.failover.testbed;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The testbed's one toxiproxy-server, on 127.0.0.1 at a free port. It runs with its working
 * directory under the testbed's process root, so cleanup finds it even without its pid file.
 */
final class ToxiproxyServer implements AutoCloseable {
  static final String HOST = "127.0.0.1";

  private final Process process;
  private final int port;
  private final ToxiproxyClient client;

  private ToxiproxyServer(Process process, int port) {
    this.process = process;
    this.port = port;
    this.client = new ToxiproxyClient(HOST, port);
  }

  static ToxiproxyServer start(TestbedBinaries binaries, TestbedLayout layout) {
    int port = LoopbackPorts.free();
    try {
      Path workingDir = layout.processRoot().resolve("toxiproxy");
      Files.createDirectories(workingDir);
      Files.createDirectories(layout.logsDir());
      ProcessBuilder builder =
          new ProcessBuilder(
              binaries.toxiproxyServer().toString(),
              "-host",
              HOST,
              "-port",
              Integer.toString(port));
      builder.directory(workingDir.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.toxiproxyLog().toFile()));
      Process process = builder.start();
      PidFile.write(layout.toxiproxyPidFile(), process.pid());
      ToxiproxyServer server = new ToxiproxyServer(process, port);
      server.awaitServing(Duration.ofSeconds(20), layout);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start toxiproxy-server", e);
    }
  }

  private void awaitServing(Duration timeout, TestbedLayout layout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        client.version();
        return;
      } catch (IOException e) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          process.destroyForcibly();
          throw new TestbedException(
              "toxiproxy-server did not serve on "
                  + HOST
                  + ":"
                  + port
                  + "; see "
                  + layout.toxiproxyLog(),
              e);
        }
        Sleep.of(Duration.ofMillis(50));
      }
    }
  }

  ToxiproxyClient client() {
    return client;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
