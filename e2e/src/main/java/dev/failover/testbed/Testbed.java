package dev.failover.testbed;

import eu.rekawek.toxiproxy.Proxy;
import io.fabric8.kubernetes.api.model.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local data centers on loopback for tests and the demo: kwokctl clusters on the binary runtime,
 * one toxiproxy-server in front of their API servers, all in one work directory.
 *
 * <p>Nothing it starts outlives the run: {@link #close()} and a shutdown hook delete every data
 * center and kill toxiproxy; a watchdog process ({@code watchdog.sh}) does the same if this JVM
 * dies without closing (SIGKILL); and starting a testbed first reaps the testbeds of dead JVMs left
 * in the same work root.
 */
public final class Testbed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Testbed.class);

  /** System property naming the directory under which testbeds make their work directories. */
  public static final String WORK_ROOT_PROPERTY = "testbed.work";

  public static final int FAKE_NODES = 2;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?");

  /** kwokctl creates race each other (TESTBED.md), so this JVM makes one at a time. */
  private static final ReentrantLock CREATE_LOCK = new ReentrantLock();

  private final TestbedLayout layout;
  private final TestbedBinaries binaries;
  private final Kwokctl kwokctl;
  private final Map<String, DataCenterCluster> dataCenters = new LinkedHashMap<>();
  private final ReentrantLock getOrStartLock = new ReentrantLock();
  private final Thread shutdownHook;
  private TestbedWatchdog watchdog;
  private ToxiproxyServer toxiproxy;
  private boolean closed;

  private Testbed(TestbedLayout layout, TestbedBinaries binaries) {
    this.layout = layout;
    this.binaries = binaries;
    this.kwokctl = new Kwokctl(binaries, layout);
    this.shutdownHook = new Thread(this::cleanUp, "testbed-shutdown-" + layout.dir().getFileName());
  }

  /** Starts a testbed in a fresh directory under {@link #defaultWorkRoot()}. */
  public static Testbed start() {
    return start(defaultWorkRoot());
  }

  /** Starts a testbed in a fresh directory under {@code workRoot}, first reaping stale ones. */
  public static Testbed start(Path workRoot) {
    TestbedBinaries binaries = TestbedBinaries.locate();
    StaleTestbeds.reap(workRoot, binaries);
    String id =
        "tb-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-"
            + ProcessHandle.current().pid();
    return startIn(workRoot.resolve(id), binaries);
  }

  /**
   * Starts a testbed in exactly {@code dir} (for the CLI). Refuses a directory that a live process
   * owns; cleans up one that a dead process left.
   */
  public static Testbed startAt(Path dir) {
    TestbedBinaries binaries = TestbedBinaries.locate();
    TestbedLayout layout = new TestbedLayout(dir);
    Optional<ProcessIdentity> owner = StaleTestbeds.owner(layout);
    if (owner.isPresent() && owner.get().isAlive()) {
      throw new TestbedException(
          "the testbed in " + layout.dir() + " is running (pid " + owner.get().pid() + ")");
    }
    StaleTestbeds.cleanUpAndDelete(layout, binaries);
    return startIn(layout.dir(), binaries);
  }

  private static Testbed startIn(Path dir, TestbedBinaries binaries) {
    TestbedLayout layout = new TestbedLayout(dir);
    Testbed testbed = new Testbed(layout, binaries);
    try {
      testbed.open();
      return testbed;
    } catch (RuntimeException e) {
      testbed.close();
      throw e;
    }
  }

  private void open() {
    try {
      Files.createDirectories(layout.processRoot());
      Files.createDirectories(layout.logsDir());
      Files.createDirectories(layout.kubeconfig("x").getParent());
      ProcessIdentity owner = ProcessIdentity.current();
      Files.writeString(layout.ownerFile(), owner.format());
      watchdog = TestbedWatchdog.start(layout, owner, binaries.kwokctl());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      toxiproxy = ToxiproxyServer.start(binaries, layout);
      log.info(
          "Testbed in {} (toxiproxy on 127.0.0.1:{}, watchdog pid {})",
          layout.dir(),
          toxiproxy.port(),
          watchdog.pid());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the testbed in " + layout.dir(), e);
    }
  }

  /** {@code -Dtestbed.work} if set, else {@code <tmpdir>/failover-testbed}. */
  public static Path defaultWorkRoot() {
    String configured = System.getProperty(WORK_ROOT_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "failover-testbed");
  }

  /**
   * Creates a data center, waits until its API server is ready and its {@value #FAKE_NODES} fake
   * nodes are Ready, and puts a toxiproxy in front of it.
   */
  public DataCenterCluster startDataCenter(String name) {
    return startDataCenter(name, false);
  }

  /**
   * {@link #startDataCenter(String)}, and the data center serves the {@code metrics.k8s.io} API
   * through a metrics-server that kwokctl runs, stops and starts with it. Its first figures come
   * about 20 s after the start (two scrapes 10 s apart); pods report the CPU they use in the
   * annotation {@code kwok.x-k8s.io/usage-cpu}.
   */
  public DataCenterCluster startDataCenterWithMetricsServer(String name) {
    return startDataCenter(name, true);
  }

  private DataCenterCluster startDataCenter(String name, boolean metricsServer) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "data center name '" + name + "' must be lower-case letters, digits and '-'");
    }
    synchronized (this) {
      requireOpen();
      if (dataCenters.containsKey(name)) {
        throw new IllegalStateException("data center " + name + " already exists");
      }
    }
    KwokClusterConfig ports =
        KwokClusterConfig.withFreePorts(
            metricsServer
                ? Optional.of(
                    new KwokClusterConfig.MetricsServer(
                        LoopbackPorts.free(),
                        binaries.metricsServer(),
                        binaries.kubectl(),
                        metricsApiService()))
                : Optional.empty());
    Instant begin;
    CREATE_LOCK.lock();
    try {
      writeFile(layout.kwokConfig(name), ports.yaml());
      begin = Instant.now();
      try {
        kwokctl.createCluster(
            name,
            layout.kwokConfig(name),
            layout.kubeconfig(name),
            DataCenterCluster.READY_TIMEOUT);
      } catch (RuntimeException e) {
        deleteQuietly(name);
        throw e;
      }
    } finally {
      CREATE_LOCK.unlock();
    }
    DataCenterCluster dataCenter;
    try {
      dataCenter = withProxy(name, ports);
      dataCenter.awaitReady(DataCenterCluster.READY_TIMEOUT);
      Duration toApiReady = Duration.between(begin, Instant.now());
      kwokctl.scaleNodes(name, FAKE_NODES);
      awaitReadyNodes(dataCenter, FAKE_NODES, DataCenterCluster.READY_TIMEOUT);
      Duration toNodesReady = Duration.between(begin, Instant.now());
      dataCenter.recordStartup(new DataCenterStartup(name, toApiReady, toNodesReady, FAKE_NODES));
    } catch (RuntimeException e) {
      deleteQuietly(name);
      throw e;
    }
    synchronized (this) {
      dataCenters.put(name, dataCenter);
    }
    log.info(dataCenter.startup().describe());
    return dataCenter;
  }

  /**
   * Gives the data center this many fake nodes in all and waits until they are Ready: a benchmark
   * with thousands of pods needs more than the {@value #FAKE_NODES} a data center starts with (each
   * takes 110 pods).
   */
  public void scaleFakeNodes(String name, int nodes) {
    DataCenterCluster dataCenter = dataCenter(name);
    kwokctl.scaleNodes(name, nodes);
    awaitReadyNodes(dataCenter, nodes, DataCenterCluster.READY_TIMEOUT);
  }

  /** Starts the data centers one after another, in order. */
  public List<DataCenterCluster> startDataCenters(String... names) {
    List<DataCenterCluster> started = new ArrayList<>();
    for (String name : names) {
      started.add(startDataCenter(name));
    }
    return started;
  }

  /** The data center of that name, started now if this testbed has none yet. */
  public DataCenterCluster dataCenter(String name) {
    getOrStartLock.lock();
    try {
      return findDataCenter(name).orElseGet(() -> startDataCenter(name));
    } finally {
      getOrStartLock.unlock();
    }
  }

  public synchronized Optional<DataCenterCluster> findDataCenter(String name) {
    return Optional.ofNullable(dataCenters.get(name));
  }

  public synchronized List<DataCenterCluster> dataCenters() {
    return List.copyOf(dataCenters.values());
  }

  public Path workDir() {
    return layout.dir();
  }

  public TestbedLayout layout() {
    return layout;
  }

  public TestbedBinaries binaries() {
    return binaries;
  }

  /** Port of the toxiproxy-server's HTTP API on 127.0.0.1. */
  public int toxiproxyPort() {
    return toxiproxy.port();
  }

  /** Deletes every data center, stops toxiproxy and the watchdog. Safe to call twice. */
  @Override
  public void close() {
    cleanUp();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The JVM is shutting down, or the hook was never added.
    }
  }

  private void cleanUp() {
    List<DataCenterCluster> toDelete;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toDelete = List.copyOf(dataCenters.values());
    }
    for (DataCenterCluster dataCenter : toDelete) {
      try {
        dataCenter.delete();
      } catch (RuntimeException e) {
        log.warn("Could not delete data center {}: {}", dataCenter.name(), e.getMessage());
      }
    }
    if (toxiproxy != null) {
      toxiproxy.close();
    }
    new TestbedCleanup(layout, Optional.of(binaries)).run();
    try {
      Files.writeString(layout.closedMarker(), Instant.now() + "\n");
    } catch (IOException e) {
      log.warn("Could not mark {} closed: {}", layout.dir(), e.getMessage());
    }
    if (watchdog != null) {
      watchdog.stop();
    }
    log.info("Testbed in {} closed", layout.dir());
  }

  /** The APIService's kustomize directory, copied out of the class path once. */
  private synchronized Path metricsApiService() {
    Path dir = layout.metricsApiServiceDir();
    for (String file : new String[] {"kustomization.yaml", "metrics-apiservice.yaml"}) {
      try (InputStream in = Testbed.class.getResourceAsStream("/metrics-apiservice/" + file)) {
        if (in == null) {
          throw new IllegalStateException(
              "metrics-apiservice/" + file + " is not on the class path");
        }
        writeFile(dir.resolve(file), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
      }
    }
    return dir;
  }

  private DataCenterCluster withProxy(String name, KwokClusterConfig ports) {
    int proxyPort = LoopbackPorts.free();
    try {
      Proxy proxy =
          toxiproxy
              .client()
              .createProxy(
                  name,
                  ToxiproxyServer.HOST + ":" + proxyPort,
                  "127.0.0.1:" + ports.kubeApiserverPort());
      String direct = Files.readString(layout.kubeconfig(name));
      writeFile(
          layout.proxiedKubeconfig(name),
          ProxiedKubeconfig.rewrite(direct, ToxiproxyServer.HOST, proxyPort));
      return new DataCenterCluster(
          name, layout, kwokctl, ports, proxy, proxyPort, () -> forget(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put a proxy in front of " + name, e);
    }
  }

  private static void awaitReadyNodes(DataCenterCluster dataCenter, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (readyNodes(dataCenter) < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new TestbedException(
            "data center "
                + dataCenter.name()
                + " has no "
                + count
                + " Ready nodes after "
                + timeout);
      }
      Sleep.of(Duration.ofMillis(100));
    }
  }

  private static long readyNodes(DataCenterCluster dataCenter) {
    return dataCenter.client().nodes().list().getItems().stream().filter(Testbed::isReady).count();
  }

  private static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private synchronized void forget(String name) {
    dataCenters.remove(name);
  }

  private synchronized void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the testbed in " + layout.dir() + " is closed");
    }
  }

  private void deleteQuietly(String name) {
    try {
      kwokctl.deleteCluster(name);
    } catch (RuntimeException e) {
      log.warn("Could not delete the failed data center {}: {}", name, e.getMessage());
    }
    try {
      Proxy proxy = toxiproxy.client().getProxyOrNull(name);
      if (proxy != null) {
        proxy.delete();
      }
    } catch (IOException | RuntimeException e) {
      log.debug("No proxy to delete for {}: {}", name, e.getMessage());
    }
  }

  private static void writeFile(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
