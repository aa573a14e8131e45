package dev.failover.operator.notification.channels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail speaks no STARTTLS, so this front on 127.0.0.1 does: it answers the SMTP greeting and
 * EHLO, offers STARTTLS (or not), upgrades the connection with a test certificate, and then relays
 * the encrypted session's plain text to GreenMail. It counts the upgrades, so a test sees that the
 * mail travelled encrypted, and refuses anything but EHLO, STARTTLS and QUIT before the upgrade.
 */
final class StartTlsFront implements AutoCloseable {
  private final ServerSocket listener;
  private final SSLContext tls;
  private final int backendPort;
  private final boolean offerStartTls;
  final AtomicInteger upgrades = new AtomicInteger();
  final AtomicInteger plainCommandsRefused = new AtomicInteger();

  StartTlsFront(SSLContext tls, int backendPort, boolean offerStartTls) throws IOException {
    this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.tls = tls;
    this.backendPort = backendPort;
    this.offerStartTls = offerStartTls;
    daemon(this::accept);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "starttls-front");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        daemon(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      write(out, "220 front ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          write(out, offerStartTls ? "250-front\r\n250 STARTTLS" : "250 front");
        } else if (command.equals("STARTTLS") && offerStartTls) {
          write(out, "220 2.0.0 Ready to start TLS");
          SSLSocket secure =
              (SSLSocket)
                  tls.getSocketFactory()
                      .createSocket(
                          client,
                          client.getInetAddress().getHostAddress(),
                          client.getPort(),
                          false);
          secure.setUseClientMode(false);
          secure.startHandshake();
          upgrades.incrementAndGet();
          relay(secure);
          return;
        } else if (command.equals("QUIT")) {
          write(out, "221 bye");
          return;
        } else {
          plainCommandsRefused.incrementAndGet();
          write(out, "530 5.7.0 Must issue a STARTTLS command first");
        }
      }
    } catch (IOException ignored) {
      // The client went away or refused the certificate: nothing to relay.
    }
  }

  /** After the upgrade the client sends EHLO again; GreenMail's own greeting is swallowed. */
  private void relay(SSLSocket secure) throws IOException {
    try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
      InputStream fromBackend = backend.getInputStream();
      int b;
      while ((b = fromBackend.read()) != -1 && b != '\n') {
        // the backend's 220 greeting
      }
      Thread upstream = daemon(() -> copy(secure, backend));
      copy(backend, secure);
      upstream.interrupt();
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException | UnsupportedOperationException done) {
      // either side closed
    }
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
