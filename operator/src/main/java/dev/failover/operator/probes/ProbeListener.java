package dev.failover.operator.datacenter;

import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeResult;

/** Hears every probe and the health it led to; metrics use it. */
@FunctionalInterface
public interface ProbeListener {
  void probed(String dataCenter, ProbeResult result, HealthState health);
}
