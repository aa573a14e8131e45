package dev.failover.operator.notification.channels;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/** A real HTTPS server on 127.0.0.1 that records every request and answers as told. */
final class TestHttpsReceiver implements AutoCloseable {
  /** One request as received: its headers (first value, lower-case names) and raw body. */
  record Request(String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpsServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  TestHttpsReceiver(TestCertificates certificates, ToIntFunction<Request> answer)
      throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverTls));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) ->
                      headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
          Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
          requests.add(request);
          exchange.sendResponseHeaders(answer.applyAsInt(request), -1);
          exchange.close();
        });
    server.start();
  }

  URI url(String path) {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
