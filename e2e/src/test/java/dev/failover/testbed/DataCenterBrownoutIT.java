package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Latency and partition at Washington's proxy; each test leaves the proxy clean. */
@ExtendWith(SharedTestbedExtension.class)
class DataCenterBrownoutIT {
  private static final Duration ADDED_LATENCY = Duration.ofMillis(300);
  private static final int SAMPLES = 15;

  @Test
  void aSlowedDataCenterAnswersLaterByTheAddedLatencyUntilUnslowed(Testbed testbed)
      throws IOException {
    DataCenterCluster washington = testbed.dataCenter("washington");
    KubernetesClient proxied = washington.proxiedClient();
    Duration before = medianGet(proxied);

    washington.slow(ADDED_LATENCY);
    Duration slowed;
    try {
      slowed = medianGet(proxied);
    } finally {
      washington.unslow();
    }
    Duration after = medianGet(proxied);

    System.out.printf(
        "Median GET through the proxy: %d ms, slowed by %d ms: %d ms, restored: %d ms%n",
        before.toMillis(), ADDED_LATENCY.toMillis(), slowed.toMillis(), after.toMillis());
    assertThat(slowed.minus(before))
        .isGreaterThanOrEqualTo(ADDED_LATENCY.multipliedBy(8).dividedBy(10));
    // Restored means the latency toxic is gone from the proxy; how fast GETs are then is a
    // TestbedBenchmark figure, not a bound a busy machine could break.
    assertThat(toxics(testbed, "washington")).isEmpty();
  }

  @Test
  void aCutDataCenterIsUnreachableThroughItsProxyButNotDirectly(Testbed testbed) {
    DataCenterCluster washington = testbed.dataCenter("washington");

    washington.cut();
    try {
      Throwable cut =
          catchThrowable(() -> washington.proxiedClient().namespaces().withName("default").get());

      assertThat(cut).isNotNull();
      assertThat(washington.client().namespaces().withName("default").get()).isNotNull();
    } finally {
      washington.uncut();
    }

    assertThat(washington.proxiedClient().namespaces().withName("default").get()).isNotNull();
  }

  private static List<String> toxics(Testbed testbed, String dataCenter) throws IOException {
    return new ToxiproxyClient(ToxiproxyServer.HOST, testbed.toxiproxyPort())
        .getProxy(dataCenter).toxics().getAll().stream().map(Toxic::getName).toList();
  }

  private static Duration medianGet(KubernetesClient client) {
    client.namespaces().withName("default").get(); // warm the connection
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long begin = System.nanoTime();
      client.namespaces().withName("default").get();
      nanos.add(System.nanoTime() - begin);
    }
    nanos.sort(null);
    return Duration.ofNanos(nanos.get(SAMPLES / 2));
  }
}
