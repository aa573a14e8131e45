package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.PodRequests;
import dev.failover.core.capacity.QuantityText;
import dev.failover.core.capacity.Resources;
import dev.failover.e2e.NamespaceRemoval;
import dev.failover.operator.clusters.ClusterCapacityReader;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.FakeDeployments;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The capacity monitor against a real data center (Toronto: a kwok cluster with two fake nodes),
 * through Toronto's proxy as the operator reaches it. Measured every second here, not every 15.
 */
@ExtendWith(SharedTestbedExtension.class)
class DataCenterCapacityMonitorIT {
  private static final String NAMESPACE = "capacity-it";
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final long MI = 1L << 20;

  private final ClusterCapacityReader reader = new ClusterCapacityReader(Clock.systemUTC());
  private DataCenterCapacityMonitor monitor;
  private DataCenterCluster toronto;

  @BeforeEach
  void watchToronto(Testbed testbed) {
    toronto = testbed.dataCenter("toronto");
    monitor = new DataCenterCapacityMonitor(reader, INTERVAL, TIMEOUT);
    monitor.watch("toronto", toronto.proxiedClient());
  }

  @AfterEach
  void stop() {
    monitor.close();
    toronto.uncut();
    toronto.client().apps().deployments().inNamespace(NAMESPACE).delete();
  }

  /** The namespace goes, and the test waits until it has gone: the next class starts clean. */
  @AfterAll
  static void deleteNamespace(Testbed testbed) {
    KubernetesClient client = testbed.dataCenter("toronto").client();
    NamespaceRemoval.begin(client, NAMESPACE);
    await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> client.namespaces().withName(NAMESPACE).get() == null);
  }

  @Test
  void measuresWhatTheReadyNodesOfAKwokDataCenterOffer() {
    CapacitySnapshot snapshot = awaitMeasurement(s -> true);

    List<Node> nodes = toronto.client().nodes().list().getItems();
    Resources allocatable = Resources.NONE;
    for (Node node : nodes) {
      Map<String, Quantity> offered = node.getStatus().getAllocatable();
      allocatable =
          allocatable.plus(
              new Resources(
                  QuantityText.cpuMillis(offered.get("cpu")),
                  QuantityText.bytes(offered.get("memory"))));
    }
    assertThat(snapshot.readyNodes()).isEqualTo(Testbed.FAKE_NODES).isEqualTo(nodes.size());
    assertThat(snapshot.allocatable()).isEqualTo(allocatable);
    assertThat(snapshot.known()).isTrue();
    assertThat(snapshot.measuredAt()).isAfter(Instant.now().minus(WITHIN));
    System.out.printf(
        "toronto: %d nodes, allocatable %s, requested %s, free %.1f%%, lists took %s%n",
        snapshot.readyNodes(),
        snapshot.allocatable(),
        snapshot.requested(),
        snapshot.freePercent().orElseThrow(),
        listTimes(10));
  }

  /**
   * Judged against the other namespaces' pods as listed right after each measurement, not against a
   * baseline taken once: pods another class left terminating may go meanwhile.
   */
  @Test
  void theRequestsOfABoundDeploymentShowUpAndThoseOfUnschedulablePodsDoNot() {
    createNamespace();
    // 3 × (250m, 512Mi) on the fake nodes, plus 2 pods no node can take, which ask for much more.
    create(deployment("web", 3, "250m", "512Mi", Map.of()));
    create(deployment("nowhere", 2, "8", "64Gi", Map.of("failover.dev/no-such-node", "true")));
    Resources web = new Resources(3 * 250, 3 * 512 * MI);
    Instant created = Instant.now();

    awaitMeasurement(
        s -> s.measuredAt().isAfter(created) && s.requested().equals(otherNamespaces().plus(web)));

    toronto.client().apps().deployments().inNamespace(NAMESPACE).withName("web").delete();
    Instant deleted = Instant.now();
    awaitMeasurement(
        s -> s.measuredAt().isAfter(deleted) && s.requested().equals(otherNamespaces()));
  }

  @Test
  void aDataCenterCutOffKeepsItsLastMeasurementWithItsTimeAndIsMeasuredAgainOnReturn() {
    CapacitySnapshot last = awaitMeasurement(s -> true);
    toronto.cut();
    Instant cutAt = Instant.now();
    long begin = System.nanoTime();
    Throwable failure =
        reader
            .read(toronto.proxiedClient(), TIMEOUT)
            .handle((snapshot, thrown) -> thrown)
            .orTimeout(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)
            .join();
    Duration failedIn = Duration.ofNanos(System.nanoTime() - begin);
    assertThat(failure).isInstanceOf(CompletionException.class);
    assertThat(timedOut(failure)).as("a cut connection is refused, not waited for").isFalse();

    // Several intervals later the measurement is still there, and still from before the cut.
    Sleep.of(INTERVAL.multipliedBy(3));
    CapacitySnapshot kept = monitor.latest("toronto").orElseThrow();
    assertThat(kept.measuredAt()).isBeforeOrEqualTo(cutAt);
    assertThat(kept.allocatable()).isEqualTo(last.allocatable());

    toronto.uncut();
    awaitMeasurement(s -> s.measuredAt().isAfter(cutAt));
    System.out.printf("toronto cut off: the listing failed in %d ms%n", failedIn.toMillis());
  }

  @Test
  void aHungApiServerFailsTheListingWithinItsTimeout() {
    Duration timeout = Duration.ofSeconds(2);
    toronto.freeze();
    try {
      long begin = System.nanoTime();
      Throwable failure =
          reader
              .read(toronto.proxiedClient(), timeout)
              .handle((snapshot, thrown) -> thrown)
              .orTimeout(timeout.toSeconds() * 5, TimeUnit.SECONDS)
              .join();
      Duration failedIn = Duration.ofNanos(System.nanoTime() - begin);
      // Either the request's own timeout or the listing's bound may fire first; both are ours.
      assertThat(failure).isNotNull();
      assertThat(timedOut(failure)).as("the listing gave up on its own timeout").isTrue();
      // Nothing before the timeout: a hung server must not look like a refusal.
      assertThat(failedIn).isGreaterThanOrEqualTo(timeout.minusMillis(100));
      System.out.printf("toronto frozen: the listing failed in %d ms%n", failedIn.toMillis());
    } finally {
      toronto.thaw();
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** What the bound, unfinished pods of every other namespace request, as listed now. */
  private Resources otherNamespaces() {
    return toronto.client().pods().inAnyNamespace().list().getItems().stream()
        .filter(pod -> !NAMESPACE.equals(pod.getMetadata().getNamespace()))
        .filter(pod -> pod.getSpec().getNodeName() != null)
        .filter(pod -> !Set.of("Succeeded", "Failed").contains(pod.getStatus().getPhase()))
        .map(pod -> PodRequests.of(pod.getSpec()))
        .reduce(Resources.NONE, Resources::plus);
  }

  private CapacitySnapshot awaitMeasurement(Predicate<CapacitySnapshot> what) {
    return await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> monitor.latest("toronto").filter(what).orElse(null), s -> s != null);
  }

  /** How long {@code count} listings through the proxy take, each: median and slowest. */
  private String listTimes(int count) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long begin = System.nanoTime();
      reader.read(toronto.proxiedClient(), TIMEOUT).join();
      millis.add(Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }
    millis.sort(Long::compare);
    return "median " + millis.get(count / 2) + " ms, slowest " + millis.get(count - 1) + " ms";
  }

  private void createNamespace() {
    KubernetesClient client = toronto.client();
    if (client.namespaces().withName(NAMESPACE).get() == null) {
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
    }
  }

  private void create(Deployment deployment) {
    toronto.client().resource(deployment).forceConflicts().serverSideApply();
  }

  private static Deployment deployment(
      String name, int replicas, String cpu, String memory, Map<String, String> nodeSelector) {
    return FakeDeployments.fake(
        NAMESPACE,
        name,
        replicas,
        Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)),
        nodeSelector);
  }
}
