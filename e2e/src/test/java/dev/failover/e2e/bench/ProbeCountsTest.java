package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbeCountsTest {
  private static final String BEFORE =
      """
      # HELP failover_probe_latency_seconds Latency of GET /readyz against a data center's API server
      # TYPE failover_probe_latency_seconds histogram
      failover_probe_latency_seconds_bucket{datacenter="toronto",outcome="Succeeded",le="0.001"} 3
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="Succeeded"} 100
      failover_probe_latency_seconds_sum{datacenter="toronto",outcome="Succeeded"} 0.8
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="Refused"} 2
      failover_probe_latency_seconds_count{datacenter="chicago",outcome="Succeeded"} 90
      failover_probe_latency_seconds_count{datacenter="chicago",outcome="TimedOut"} 7
      """;

  private static final String AFTER =
      """
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="Succeeded",} 393.0
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="Refused",} 6.0
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="TimedOut",} 1.0
      failover_probe_latency_seconds_count{datacenter="toronto",outcome="Forbidden",} 0.0
      """;

  @Test
  void readsOneDataCentersCountsByOutcome() {
    ProbeCounts toronto = ProbeCounts.of(BEFORE, "toronto");

    assertThat(toronto.byOutcome()).containsOnlyKeys("Succeeded", "Refused");
    assertThat(toronto.total()).isEqualTo(102);
    assertThat(toronto.failed()).isEqualTo(2);
    assertThat(ProbeCounts.of(BEFORE, "chicago").failed()).isEqualTo(7);
  }

  @Test
  void subtractsAnEarlierReadingWhateverTheLabelFormat() {
    ProbeCounts period = ProbeCounts.of(AFTER, "toronto").since(ProbeCounts.of(BEFORE, "toronto"));

    assertThat(period.total()).isEqualTo(298);
    assertThat(period.failed()).isEqualTo(5);
    assertThat(period.failedPercent()).isCloseTo(5 * 100.0 / 298, within(1e-9));
  }

  @Test
  void credentialFaultsAreNotFailures() {
    String metrics =
        "failover_probe_latency_seconds_count{datacenter=\"toronto\",outcome=\"Unauthorized\"} 4\n";

    assertThat(ProbeCounts.of(metrics, "toronto").failed()).isZero();
    assertThat(ProbeCounts.of(metrics, "washington").total()).isZero();
    assertThat(ProbeCounts.of(metrics, "washington").failedPercent()).isZero();
  }
}
