package dev.failover.e2e.bench;

import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.ClusterCapacity;
import dev.failover.operator.clusters.ClusterCapacityReader;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The memory one capacity measurement costs on a data center with many pods: the paginated reader
 * the operator uses against one unpaged list of every pod into a String, as it was read before.
 * Each is measured as the peak of the heap pools (reset after a full GC) over a few reads, and the
 * process's peak RSS (VmHWM) after each. Not a test: it reports figures for docs/benchmarks.md.
 */
@Command(
    name = "capacity-listing-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures the memory of capacity listings on a data center with many pods.")
public final class CapacityListingBenchmark implements Callable<Integer> {
  private static final String NAMESPACE = "capacity-bench";
  private static final String UNPAGED_PODS =
      "api/v1/pods?resourceVersion=0&fieldSelector="
          + URLEncoder.encode(
              "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed",
              StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(names = "--pods", defaultValue = "5000", description = "Pods in the data center.")
  private int pods;

  @Option(names = "--reads", defaultValue = "5", description = "Reads per way of listing.")
  private int reads;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CapacityListingBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    try (Testbed testbed = Testbed.start(work)) {
      DataCenterCluster dataCenter = testbed.dataCenter("capacity");
      KubernetesClient client = dataCenter.client();
      createPods(client);
      ClusterCapacityReader paged = new ClusterCapacityReader(Clock.systemUTC());
      report("paged (limit 500)", () -> paged.read(client, TIMEOUT).join());
      report("unpaged, one String", () -> unpaged(client));
    }
    return 0;
  }

  private void report(String how, Callable<CapacitySnapshot> read) throws Exception {
    CapacitySnapshot snapshot = read.call(); // warm up the classes and the connection
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    long started = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      snapshot = read.call();
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis() / reads;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf(
        Locale.ROOT,
        "%-22s %d pods requested %s: heap %d MiB after GC, peak %d MiB during %d reads,"
            + " %d ms a read, process peak RSS %s%n",
        how,
        pods,
        snapshot.requested(),
        before >> 20,
        peak >> 20,
        reads,
        millis,
        OperatorMemory.peakRss(ProcessHandle.current().pid()));
  }

  /** How the reader listed pods before paging: one response, one String, one PodList. */
  private static CapacitySnapshot unpaged(KubernetesClient client) throws Exception {
    var http = client.getHttpClient();
    String base = client.getConfiguration().getMasterUrl();
    String body =
        http.sendAsync(
                http.newHttpRequestBuilder()
                    .uri(
                        URI.create(
                            base.endsWith("/") ? base + UNPAGED_PODS : base + "/" + UNPAGED_PODS))
                    .build(),
                String.class)
            .get()
            .body();
    PodList podList = client.getKubernetesSerialization().unmarshal(body, PodList.class);
    NodeList nodes = client.nodes().list();
    return ClusterCapacity.measure(nodes.getItems(), podList.getItems(), Instant.now());
  }

  /** Pods bound straight to the fake nodes, 8 creates at a time; those already there stay. */
  private void createPods(KubernetesClient client) throws Exception {
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    int existing = client.pods().inNamespace(NAMESPACE).list().getItems().size();
    List<String> nodes =
        client.nodes().list().getItems().stream()
            .map(Node::getMetadata)
            .map(m -> m.getName())
            .toList();
    long started = System.nanoTime();
    ExecutorService creators = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (int i = existing; i < pods; i++) {
        Pod pod = pod(i, nodes.get(i % nodes.size()));
        created.add(creators.submit(() -> client.resource(pod).create()));
      }
      for (Future<?> future : created) {
        future.get();
      }
    } finally {
      creators.shutdownNow();
    }
    System.out.printf(
        Locale.ROOT,
        "%d pods in %s (%d created in %d s)%n",
        pods,
        NAMESPACE,
        pods - existing,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private static Pod pod(int i, String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p-" + i)
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("app", "capacity-bench", "failover.dev/bench", "capacity"))
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .addNewContainer()
        .withName("app")
        .withImage("registry.invalid/app:1")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi")))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
