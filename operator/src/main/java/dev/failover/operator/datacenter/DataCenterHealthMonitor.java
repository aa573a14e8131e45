package dev.failover.operator.datacenter;

import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthState;
import dev.failover.operator.clusters.ApiServerProbe;
import dev.failover.operator.probes.ProbeListener;
import dev.failover.operator.probes.ProbeLoops;
import dev.failover.operator.probes.ProbeSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Probes every watched data center's API server on its own schedule and classifies the results. It
 * holds the live health of each data center in memory and says when one changed; the DataCenter
 * reconciler turns that into status.
 */
public final class DataCenterHealthMonitor implements AutoCloseable {
  private final ApiServerProbe probe;
  private final ProbeLoops loops;

  /**
   * @param onChange called with a data center's name when its phase or failure count changed
   * @param onProbe called with every probe result, for metrics and the policies' detection lenses
   */
  public DataCenterHealthMonitor(
      ApiServerProbe probe, Clock clock, Consumer<String> onChange, ProbeListener onProbe) {
    this.probe = probe;
    this.loops = new ProbeLoops("datacenter-probes", clock, onChange, onProbe);
  }

  /**
   * Probes the data center with these settings from now on. Unchanged settings and client keep the
   * schedule; the health state carries over either way, and {@code seed} is used only the first
   * time.
   */
  public void watch(
      String dataCenter,
      KubernetesClient client,
      ProbeSettings settings,
      Optional<Exclusion> exclusion,
      HealthState seed) {
    loops.watch(
        dataCenter, client, timeout -> probe.probe(client, timeout), settings, exclusion, seed);
  }

  public void unwatch(String dataCenter) {
    loops.unwatch(dataCenter);
  }

  /** Every data center's probe schedule still runs. */
  public boolean alive() {
    return loops.alive();
  }

  public Optional<HealthState> state(String dataCenter) {
    return loops.state(dataCenter);
  }

  @Override
  public void close() {
    loops.close();
  }
}
