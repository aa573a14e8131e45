package dev.failover.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the data centers' ingresses, which kwok's fake pods cannot provide: one HTTP server
 * on 127.0.0.1 that answers for every data center's ingress hostname, told apart by the Host
 * header. The operator process resolves those hostnames to 127.0.0.1 through a hosts file of its
 * own ({@code -Djdk.net.hosts.file}), so nothing on the machine changes. Each hostname answers
 * {@code 200} until it, or one path of it, is told to fail, then {@code 503}.
 */
public final class IngressStandIn implements AutoCloseable {
  private final HttpServer server;
  private final Path hostsFile;
  private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final Set<String> failingPaths = ConcurrentHashMap.newKeySet();

  private IngressStandIn(HttpServer server, Path hostsFile, List<String> hostnames) {
    this.server = server;
    this.hostsFile = hostsFile;
    hostnames.forEach(host -> requests.put(host, new AtomicInteger()));
  }

  /**
   * The hostname the stand-in answers for a data center's ingress: {@code toronto.ingress.test}.
   */
  public static String hostnameOf(String dataCenter) {
    return dataCenter + ".ingress.test";
  }

  /** The fast-probing data centers, each with its stand-in hostname as its ingress address. */
  public static List<DataCenterPlan> fastPlans() {
    return FastProbes.plans().stream()
        .map(plan -> plan.withIngressAddress(hostnameOf(plan.name())))
        .toList();
  }

  /** Serves the ingress hostnames of these data centers (see {@link #start}). */
  public static IngressStandIn startFor(Path dir, List<DataCenterPlan> plans) {
    return start(dir, plans.stream().map(DataCenterPlan::ingressAddress).toList());
  }

  /** Starts the world's operator so that it resolves the ingress hostnames to this stand-in. */
  public OperatorProcess operatorIn(FailoverWorld world) {
    return world.operator(
        world
            .operatorLaunch()
            .withJvmOptions(List.of("-XX:+ExitOnOutOfMemoryError", resolverOption())));
  }

  /** Serves {@code hostnames} and writes the hosts file that sends them to it into {@code dir}. */
  public static IngressStandIn start(Path dir, List<String> hostnames) {
    try {
      Files.createDirectories(dir);
      Path hostsFile = dir.resolve("ingress-hosts");
      StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
      hostnames.forEach(host -> hosts.append("127.0.0.1 ").append(host).append('\n'));
      Files.writeString(hostsFile, hosts);
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      IngressStandIn standIn = new IngressStandIn(server, hostsFile, hostnames);
      server.createContext("/", standIn::answer);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the ingress stand-in", e);
    }
  }

  private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String host = hostOf(exchange.getRequestHeaders().getFirst("Host"));
    AtomicInteger count = requests.get(host);
    int code;
    if (count == null) {
      code = 404;
    } else {
      count.incrementAndGet();
      String path = host + exchange.getRequestURI().getPath();
      requestsByPath.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
      code = failing.getOrDefault(host, false) || failingPaths.contains(path) ? 503 : 200;
    }
    exchange.sendResponseHeaders(code, -1);
    exchange.close();
  }

  private static String hostOf(String header) {
    if (header == null) {
      return "";
    }
    int colon = header.lastIndexOf(':');
    return (colon < 0 ? header : header.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The JVM option that makes a process resolve the hostnames to this stand-in. */
  public String resolverOption() {
    return "-Djdk.net.hosts.file=" + hostsFile;
  }

  public void fail(String host) {
    failing.put(host, true);
  }

  public void recover(String host) {
    failing.put(host, false);
  }

  /** Only this path of the hostname answers 503, e.g. one service pool's health endpoint. */
  public void fail(String host, String path) {
    failingPaths.add(host + path);
  }

  public void recover(String host, String path) {
    failingPaths.remove(host + path);
  }

  /** Requests seen for this path of the hostname so far. */
  public int requests(String host, String path) {
    AtomicInteger count = requestsByPath.get(host + path);
    return count == null ? 0 : count.get();
  }

  /** Requests seen for the hostname so far. */
  public int requests(String host) {
    return requests.get(host).get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
