package dev.failover.e2e.bench;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.KubeClients;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The testbed's own speed, which the testbed ITs check only as behaviour (a stopped data center
 * refuses, a restored one runs pods, latency added at the proxy shows and goes): how long each
 * takes, over repeated rounds on one data center.
 */
@Command(
    name = "testbed-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures the local testbed's blackout, restore and brownout timings.")
public final class TestbedBenchmark implements Callable<Integer> {
  private static final Duration ADDED_LATENCY = Duration.ofMillis(300);
  private static final int GETS_PER_MEDIAN = 15;
  private static final Duration AVAILABLE_WITHIN = Duration.ofMinutes(2);

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(names = "--runs", defaultValue = "5", description = "Rounds to measure.")
  private int runs;

  private final Map<String, List<Long>> samples = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new TestbedBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    try (Testbed testbed = Testbed.start(work)) {
      DataCenterCluster dataCenter = testbed.startDataCenter("bench");
      for (int run = 1; run <= runs; run++) {
        brownout(dataCenter);
        blackoutAndRestore(dataCenter, "after-restore-" + run);
        System.out.printf(Locale.ROOT, "run %d/%d done%n", run, runs);
      }
    }
    System.out.println();
    System.out.println(report());
    return 0;
  }

  /** Median GET through the proxy: as it is, with latency added, and once it is removed. */
  private void brownout(DataCenterCluster dataCenter) {
    KubernetesClient proxied = dataCenter.proxiedClient();
    record("median GET through the proxy", medianGetMillis(proxied));
    dataCenter.slow(ADDED_LATENCY);
    try {
      record(
          "median GET through the proxy, " + ADDED_LATENCY.toMillis() + " ms added",
          medianGetMillis(proxied));
    } finally {
      dataCenter.unslow();
    }
    record("median GET through the proxy, latency removed", medianGetMillis(proxied));
  }

  /**
   * A stopped data center refuses a new client (how soon), is restarted (how long until /readyz)
   * and runs a new Deployment's pods (how long until Available).
   */
  private void blackoutAndRestore(DataCenterCluster dataCenter, String deployment) {
    dataCenter.stop();
    try (KubernetesClient fresh = KubeClients.client(dataCenter.clientConfig())) {
      long begin = System.nanoTime();
      try {
        fresh.namespaces().withName("default").get();
        throw new IllegalStateException("a stopped data center answered");
      } catch (KubernetesClientException refused) {
        record("stopped data center: a new connection refused", millisSince(begin));
      }
    }
    long restoring = System.nanoTime();
    dataCenter.start();
    record("restore (kwokctl start) → /readyz", millisSince(restoring));
    KubernetesClient client = dataCenter.client();
    var resource = client.resource(fakeDeployment(deployment));
    resource.create();
    try {
      resource.waitUntilCondition(
          d ->
              d != null
                  && d.getStatus() != null
                  && Objects.equals(d.getStatus().getAvailableReplicas(), 2),
          AVAILABLE_WITHIN.toSeconds(),
          TimeUnit.SECONDS);
      record("restore → a new Deployment's 2 pods Available", millisSince(restoring));
    } finally {
      resource.delete();
      resource.waitUntilCondition(Objects::isNull, AVAILABLE_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static long medianGetMillis(KubernetesClient client) {
    client.namespaces().withName("default").get(); // warm the connection
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < GETS_PER_MEDIAN; i++) {
      long begin = System.nanoTime();
      client.namespaces().withName("default").get();
      millis.add(millisSince(begin));
    }
    return Percentiles.of(millis).p50();
  }

  private static Deployment fakeDeployment(String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("registry.example/" + name + ":1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private void record(String measure, long millis) {
    samples.computeIfAbsent(measure, key -> new ArrayList<>()).add(millis);
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  private String report() {
    StringBuilder table = new StringBuilder("| measure | runs | p50 | max |\n|---|---|---|---|\n");
    samples.forEach(
        (measure, millis) -> {
          Percentiles p = Percentiles.of(millis);
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %d ms | %d ms |%n",
                  measure,
                  p.count(),
                  p.p50(),
                  p.max()));
        });
    return table.toString();
  }
}
