package dev.failover.operator.observability;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probe latency per data center and outcome, and a 0/1 gauge per data center and phase (the
 * kube-state-metrics convention, so alerts can say {@code failover_datacenter_phase{phase=
 * "Unreachable"} == 1}).
 */
public final class DataCenterMetrics {
  private final MeterRegistry registry;
  private final Map<String, DataCenterPhase> phases = new ConcurrentHashMap<>();

  public DataCenterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void probed(String dataCenter, ProbeResult result, HealthState health) {
    Timer.builder("failover_probe_latency")
        .description("Latency of GET /readyz against a data center's API server")
        .tag("datacenter", dataCenter)
        .tag("outcome", result.outcome().name())
        .publishPercentileHistogram()
        .register(registry)
        .record(result.latency());
    if (phases.put(dataCenter, health.phase()) == null) {
      for (DataCenterPhase phase : DataCenterPhase.values()) {
        Gauge.builder("failover_datacenter_phase", () -> phases.get(dataCenter) == phase ? 1 : 0)
            .description("1 when the data center is in this phase")
            .tag("datacenter", dataCenter)
            .tag("phase", phase.name())
            .register(registry);
      }
    }
  }

  /** The data center is deleted: its series end instead of reporting its last phase forever. */
  public void forget(String dataCenter) {
    phases.remove(dataCenter);
    registry
        .find("failover_datacenter_phase")
        .tag("datacenter", dataCenter)
        .meters()
        .forEach(registry::remove);
    registry
        .find("failover_probe_latency")
        .tag("datacenter", dataCenter)
        .meters()
        .forEach(registry::remove);
  }
}
