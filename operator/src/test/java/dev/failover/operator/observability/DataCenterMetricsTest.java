package dev.failover.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataCenterMetricsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void aDeletedDataCentersSeriesEndWhileTheOthersStay() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DataCenterMetrics metrics = new DataCenterMetrics(registry);
    metrics.probed(
        "toronto", ProbeResult.succeeded(T0, Duration.ofMillis(5)), HealthState.initial(T0));
    metrics.probed(
        "chicago", ProbeResult.succeeded(T0, Duration.ofMillis(5)), HealthState.initial(T0));

    metrics.forget("toronto");

    assertThat(registry.find("failover_datacenter_phase").tag("datacenter", "toronto").meters())
        .isEmpty();
    assertThat(registry.find("failover_probe_latency").tag("datacenter", "toronto").meters())
        .isEmpty();
    assertThat(registry.find("failover_datacenter_phase").tag("datacenter", "chicago").meters())
        .isNotEmpty();
  }
}
