package dev.failover.operator.policyhealth;

import dev.failover.core.health.ProbeResult;

/** Hears every probe of a policy's workload endpoint; metrics use it. */
@FunctionalInterface
public interface EndpointProbeListener {
  void probed(String namespace, String policy, String dataCenter, ProbeResult result);
}
