package dev.failover.operator.observability;

import dev.failover.core.health.ProbeResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Latency of the probes of each policy's workload endpoint, per data center and outcome. */
public final class WorkloadEndpointMetrics {
  private final MeterRegistry registry;

  public WorkloadEndpointMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void probed(String namespace, String policy, String dataCenter, ProbeResult result) {
    Timer.builder("failover_workload_probe_latency")
        .description("Latency of GET on a policy's workload health endpoint in a data center")
        .tag("namespace", namespace)
        .tag("policy", policy)
        .tag("datacenter", dataCenter)
        .tag("outcome", result.outcome().name())
        .publishPercentileHistogram()
        .register(registry)
        .record(result.latency());
  }

  /** Drops the meters of a deleted policy, so its series end instead of lingering. */
  public void forget(String namespace, String policy) {
    registry
        .find("failover_workload_probe_latency")
        .tags("namespace", namespace, "policy", policy)
        .meters()
        .forEach(registry::remove);
  }
}
