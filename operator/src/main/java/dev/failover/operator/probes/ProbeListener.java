package dev.failover.operator.probes;

import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeResult;

/**
 * Hears every probe of one probe loop and the health it led to; metrics and policy lenses use it.
 */
@FunctionalInterface
public interface ProbeListener {
  void probed(String key, ProbeResult result, HealthState health);

  static ProbeListener none() {
    return (key, result, health) -> {};
  }
}
