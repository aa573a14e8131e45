package dev.failover.testbed;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data center of a {@link Testbed}: a kwokctl cluster (etcd, kube-apiserver,
 * controller-manager, scheduler, kwok with fake nodes) on 127.0.0.1, reachable directly and through
 * a toxiproxy. The failure modes a test needs are one call each: {@link #stop()} (blackout), {@link
 * #freeze()} (hang), {@link #slow(Duration)} (brownout), {@link #cut()} (network partition of the
 * proxied path) and {@link #start()} (restore, with all data).
 */
public final class DataCenterCluster {
  private static final Logger log = LoggerFactory.getLogger(DataCenterCluster.class);
  private static final String LATENCY_TOXIC = "latency";
  static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final String name;
  private final TestbedLayout layout;
  private final Kwokctl kwokctl;
  private final KwokClusterConfig ports;
  private final Proxy proxy;
  private final int proxyPort;
  private final Runnable onDelete;
  private DataCenterStartup startup;
  private KubernetesClient client;
  private KubernetesClient proxiedClient;
  private boolean deleted;

  DataCenterCluster(
      String name,
      TestbedLayout layout,
      Kwokctl kwokctl,
      KwokClusterConfig ports,
      Proxy proxy,
      int proxyPort,
      Runnable onDelete) {
    this.name = name;
    this.layout = layout;
    this.kwokctl = kwokctl;
    this.ports = ports;
    this.proxy = proxy;
    this.proxyPort = proxyPort;
    this.onDelete = onDelete;
  }

  public String name() {
    return name;
  }

  /** kubeconfig that reaches the API server directly on 127.0.0.1. */
  public Path kubeconfig() {
    return layout.kubeconfig(name);
  }

  /** kubeconfig that reaches the API server through the data center's toxiproxy. */
  public Path proxiedKubeconfig() {
    return layout.proxiedKubeconfig(name);
  }

  public int apiServerPort() {
    return ports.kubeApiserverPort();
  }

  public int proxyPort() {
    return proxyPort;
  }

  public String apiServerUrl() {
    return "https://127.0.0.1:" + apiServerPort();
  }

  public String proxiedUrl() {
    return "https://127.0.0.1:" + proxyPort;
  }

  /** The data center's own directory of kwokctl files: pids, logs, pki, etcd data. */
  public Path clusterDir() {
    return layout.clusterDir(name);
  }

  public DataCenterStartup startup() {
    return startup;
  }

  void recordStartup(DataCenterStartup startup) {
    this.startup = startup;
  }

  /** A fresh configuration for a direct client; for callers that need their own client. */
  public Config clientConfig() {
    return KubeClients.config(
        kubeconfig(), KubeClients.DIRECT_CONNECT_TIMEOUT, KubeClients.DIRECT_REQUEST_TIMEOUT);
  }

  /** A fresh configuration for a client through the proxy, with short timeouts. */
  public Config proxiedClientConfig() {
    return KubeClients.config(
        proxiedKubeconfig(),
        KubeClients.PROXIED_CONNECT_TIMEOUT,
        KubeClients.PROXIED_REQUEST_TIMEOUT);
  }

  /** A shared direct client, closed by the testbed; do not close it. */
  public synchronized KubernetesClient client() {
    if (client == null) {
      client = KubeClients.client(clientConfig());
    }
    return client;
  }

  /** A shared client through the proxy, closed by the testbed; do not close it. */
  public synchronized KubernetesClient proxiedClient() {
    if (proxiedClient == null) {
      proxiedClient = KubeClients.client(proxiedClientConfig());
    }
    return proxiedClient;
  }

  /**
   * Blackout: kills every server of the data center; clients are refused at once. kwokctl returns
   * as soon as it has sent SIGKILL, so this waits until the servers are really gone: until then
   * their listening sockets still accept (and then reset) connections.
   */
  public void stop() {
    List<ProcessIdentity> servers = serverProcesses();
    kwokctl.stopCluster(name);
    awaitExit(servers);
    log.info("Data center {} stopped", name);
  }

  private void awaitExit(List<ProcessIdentity> servers) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    for (ProcessIdentity server : servers) {
      while (server.isAlive()) {
        if (Instant.now().isAfter(deadline)) {
          throw new TestbedException("pid " + server.pid() + " of " + name + " survived SIGKILL");
        }
        Sleep.of(Duration.ofMillis(10));
      }
    }
  }

  /** The running servers, by the pid files kwokctl keeps in the cluster directory. */
  private List<ProcessIdentity> serverProcesses() {
    Path pids = clusterDir().resolve("pids");
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files
          .map(PidFile::read)
          .filter(OptionalLong::isPresent)
          .map(pid -> ProcessIdentity.of(pid.getAsLong()))
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + pids, e);
    }
  }

  /** Restore: starts the servers again on the same ports and data; waits for /readyz. */
  public void start() {
    Instant begin = Instant.now();
    kwokctl.startCluster(name, READY_TIMEOUT);
    awaitReady(READY_TIMEOUT);
    log.info(
        "Data center {} restarted and ready in {} ms",
        name,
        Duration.between(begin, Instant.now()).toMillis());
  }

  /** Hang: SIGSTOPs the API server; connections open but nothing answers. */
  public void freeze() {
    signalApiServer("STOP");
    log.info("Data center {} frozen (kube-apiserver SIGSTOP)", name);
  }

  public void thaw() {
    signalApiServer("CONT");
    log.info("Data center {} thawed (kube-apiserver SIGCONT)", name);
  }

  /** Brownout: adds {@code latency} to every response that goes through the proxy. */
  public void slow(Duration latency) {
    slow(latency, Duration.ZERO);
  }

  /**
   * A jittery link: every response through the proxy is delayed by {@code latency ± jitter}, drawn
   * uniformly for each chunk of data (toxiproxy's latency toxic).
   */
  public void slow(Duration latency, Duration jitter) {
    try {
      unslow();
      proxy
          .toxics()
          .latency(LATENCY_TOXIC, ToxicDirection.DOWNSTREAM, latency.toMillis())
          .setJitter(jitter.toMillis());
      log.info(
          "Data center {} slowed by {} ± {} ms through its proxy",
          name,
          latency.toMillis(),
          jitter.toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add latency to the proxy of " + name, e);
    }
  }

  public void unslow() {
    try {
      boolean present =
          proxy.toxics().getAll().stream().anyMatch(t -> t.getName().equals(LATENCY_TOXIC));
      if (present) {
        proxy.toxics().get(LATENCY_TOXIC).remove();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove latency from the proxy of " + name, e);
    }
  }

  /** Partition: the proxy stops listening and drops its connections; direct access still works. */
  public void cut() {
    try {
      proxy.disable();
      log.info("Data center {} cut off at its proxy", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot disable the proxy of " + name, e);
    }
  }

  public void uncut() {
    try {
      proxy.enable();
      log.info("Data center {} reconnected at its proxy", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot enable the proxy of " + name, e);
    }
  }

  /** Deletes the data center, keeping a copy of its logs under the testbed's logs directory. */
  public synchronized void delete() {
    if (deleted) {
      return;
    }
    deleted = true;
    closeClients();
    saveLogs();
    try {
      proxy.delete();
    } catch (IOException e) {
      log.debug("Proxy of {} already gone: {}", name, e.getMessage());
    }
    List<ProcessIdentity> servers = serverProcesses();
    kwokctl.deleteCluster(name);
    awaitExit(servers);
    onDelete.run();
    log.info("Data center {} deleted", name);
  }

  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Config config = KubeClients.config(kubeconfig(), Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (KubernetesClient probe = KubeClients.client(config)) {
      while (true) {
        try {
          if ("ok".equals(probe.raw("/readyz"))) {
            return;
          }
        } catch (RuntimeException e) {
          if (Instant.now().isAfter(deadline)) {
            throw new TestbedException(
                "data center "
                    + name
                    + " not ready within "
                    + timeout
                    + "; see "
                    + clusterDir().resolve("logs"),
                e);
          }
        }
        if (Instant.now().isAfter(deadline)) {
          throw new TestbedException("data center " + name + " not ready within " + timeout);
        }
        Sleep.of(Duration.ofMillis(100));
      }
    }
  }

  private void signalApiServer(String signal) {
    Path pidFile = clusterDir().resolve("pids").resolve("kube-apiserver.pid");
    long pid =
        PidFile.read(pidFile)
            .orElseThrow(
                () ->
                    new TestbedException(
                        "no kube-apiserver pid in " + pidFile + "; is " + name + " stopped?"));
    boolean ours =
        TestbedCleanup.workingDirectory(pid)
            .map(cwd -> TestbedCleanup.isAtOrUnder(cwd, clusterDir()))
            .orElse(false);
    if (!ours) {
      throw new TestbedException(
          "pid " + pid + " from " + pidFile + " is not " + name + "'s kube-apiserver");
    }
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (kill.waitFor() != 0) {
        throw new TestbedException("kill -" + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted", e);
    }
  }

  private synchronized void closeClients() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (proxiedClient != null) {
      proxiedClient.close();
      proxiedClient = null;
    }
  }

  private void saveLogs() {
    Path source = clusterDir().resolve("logs");
    Path target = layout.savedClusterLogs(name);
    if (!Files.isDirectory(source)) {
      return;
    }
    try (Stream<Path> files = Files.list(source)) {
      Files.createDirectories(target);
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.warn("Could not keep the logs of {}: {}", name, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "DataCenterCluster["
        + name
        + ", api "
        + apiServerUrl()
        + ", proxied "
        + proxiedUrl()
        + "]";
  }
}
