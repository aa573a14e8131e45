package dev.failover.dr;

import dev.failover.testbed.LoopbackPorts;
import dev.failover.testbed.Sleep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A BIND 9 name server on 127.0.0.1, authoritative for {@code shop.example} and nothing else
 * (recursion off), whose records the tests change with {@code nsupdate}. Also serves {@code
 * broken.example} from a zone file that does not load, which it answers with SERVFAIL. Installed by
 * e2e/scripts/prerequisites.sh (Debian's bind9 and bind9-dnsutils).
 */
final class Bind9 implements AutoCloseable {
  static final String ZONE = "shop.example";
  private static final Duration START = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private Process process;

  private Bind9(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static Bind9 start(Path dir) throws IOException {
    Path named = Path.of("/usr/sbin/named");
    if (!Files.isExecutable(named)) {
      throw new IllegalStateException(
          "BIND 9 is not installed (/usr/sbin/named): run e2e/scripts/prerequisites.sh");
    }
    int port = LoopbackPorts.free();
    int control = LoopbackPorts.free();
    Files.writeString(
        dir.resolve("shop.example.zone"),
        """
        $TTL 5
        @ IN SOA ns.shop.example. admin.shop.example. (1 60 60 600 5)
        @ IN NS ns.shop.example.
        ns IN A 127.0.0.1
        """);
    Files.writeString(dir.resolve("broken.example.zone"), "this is not a zone file\n");
    Files.writeString(
        dir.resolve("named.conf"),
        """
        options {
          directory "%1$s";
          pid-file "%1$s/named.pid";
          listen-on port %2$d { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion no;
          dnssec-validation no;
        };
        controls { inet 127.0.0.1 port %3$d allow { 127.0.0.1; }; };
        zone "shop.example" { type primary; file "%1$s/shop.example.zone"; allow-update { 127.0.0.1; }; };
        zone "broken.example" { type primary; file "%1$s/broken.example.zone"; };
        """
            .formatted(dir, port, control));
    Bind9 server = new Bind9(dir, port, named(dir));
    server.awaitListening();
    return server;
  }

  private static Process named(Path dir) throws IOException {
    return new ProcessBuilder("/usr/sbin/named", "-g", "-c", dir.resolve("named.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("named.log").toFile()))
        .start();
  }

  /**
   * Starts named again after {@link #close}, on the same port and with the same zones (records
   * changed by nsupdate are kept in its journal): the end of a resolver outage.
   */
  void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("named is still running");
    }
    process = named(dir);
    awaitListening();
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /** Replaces the TXT records of {@code name} (in {@link #ZONE}) with these values. */
  void setTxt(String name, List<List<String>> records) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("server 127.0.0.1 " + port + "\n");
    script.append("update delete ").append(name).append(" TXT\n");
    for (List<String> strings : records) {
      script.append("update add ").append(name).append(" 5 TXT");
      for (String string : strings) {
        script.append(" \"").append(string.replace("\"", "\\\"")).append('"');
      }
      script.append('\n');
    }
    script.append("send\n");
    nsupdate(script.toString());
  }

  /** Replaces the A or AAAA records of {@code name} (in {@link #ZONE}) with these addresses. */
  void setAddresses(String name, String type, List<String> addresses)
      throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("server 127.0.0.1 " + port + "\n");
    script.append("update delete ").append(name).append(' ').append(type).append('\n');
    for (String address : addresses) {
      script.append("update add ").append(name).append(" 5 ").append(type).append(' ');
      script.append(address).append('\n');
    }
    script.append("send\n");
    nsupdate(script.toString());
  }

  void deleteTxt(String name) throws IOException, InterruptedException {
    nsupdate("server 127.0.0.1 " + port + "\nupdate delete " + name + " TXT\nsend\n");
  }

  private void nsupdate(String script) throws IOException, InterruptedException {
    Process nsupdate = new ProcessBuilder("nsupdate").redirectErrorStream(true).start();
    nsupdate.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    nsupdate.getOutputStream().close();
    if (!nsupdate.waitFor(20, TimeUnit.SECONDS) || nsupdate.exitValue() != 0) {
      nsupdate.destroyForcibly();
      throw new IllegalStateException(
          "nsupdate failed: "
              + new String(nsupdate.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("named exited: " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Sleep.of(Duration.ofMillis(100));
      }
    }
    close();
    throw new IllegalStateException("named did not listen within " + START + ": " + log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("named.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
