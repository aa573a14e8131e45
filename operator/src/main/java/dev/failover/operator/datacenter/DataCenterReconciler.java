package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthState;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.probes.ProbeSettings;
import dev.failover.operator.status.StatusConditions;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one probe loop and one capacity measurement per DataCenter and mirrors their results into
 * status. Observe (Secret and spec) → decide (the core's health classifier, inside the monitor) →
 * act (connect, watch) → status. The monitor wakes this reconciler through {@link #healthChanges()}
 * whenever a phase or failure count changes, so a blackout reaches status, and the policies
 * watching it, at once.
 */
@ControllerConfiguration(name = "datacenter")
public final class DataCenterReconciler implements Reconciler<DataCenter>, Cleaner<DataCenter> {
  /**
   * Latency percentiles and capacity are refreshed in status this often even when nothing else
   * changes.
   */
  private static final Duration STATUS_REFRESH = Duration.ofSeconds(10);

  private final KubeconfigSecrets secrets;
  private final DataCenterConnections connections;
  private final DataCenterHealthMonitor monitor;
  private final DataCenterCapacityMonitor capacity;
  private final SimpleInboundEventSource<DataCenter> healthChanges;
  private final Clock clock;

  public DataCenterReconciler(
      KubernetesClient hub,
      DataCenterConnections connections,
      DataCenterHealthMonitor monitor,
      DataCenterCapacityMonitor capacity,
      SimpleInboundEventSource<DataCenter> healthChanges,
      Clock clock) {
    this.secrets = new KubeconfigSecrets(hub);
    this.connections = connections;
    this.monitor = monitor;
    this.capacity = capacity;
    this.healthChanges = healthChanges;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, DataCenter>> prepareEventSources(
      EventSourceContext<DataCenter> context) {
    return List.of(healthChanges);
  }

  @Override
  public UpdateControl<DataCenter> reconcile(DataCenter dataCenter, Context<DataCenter> context) {
    String name = dataCenter.getMetadata().getName();
    DataCenterStatus stored = dataCenter.getStatus();
    KubeconfigSecrets.Result kubeconfig =
        secrets.read(dataCenter.getSpec().getKubeconfigSecretRef());
    if (!kubeconfig.found()) {
      monitor.unwatch(name);
      capacity.unwatch(name);
      connections.disconnect(name);
      dataCenter.setStatus(unconfigured(dataCenter, kubeconfig.problem()));
      return StatusPatches.patchIfChanged(dataCenter, stored, dataCenter.getStatus())
          .rescheduleAfter(STATUS_REFRESH);
    }
    KubernetesClient client = connections.connect(name, kubeconfig.kubeconfig());
    ProbeSettings settings = ProbeSettingsMapper.from(dataCenter.getSpec().getProbe());
    HealthState seed = DataCenterStatusMapper.seed(dataCenter, clock.instant());
    monitor.watch(name, client, settings, exclusion(dataCenter), seed);
    capacity.watch(name, client);
    HealthState health = monitor.state(name).orElse(seed);
    if (returnedFromBlackout(stored, health)) {
      // Start the data center on fresh connections; the monitor keeps its health state.
      client = connections.reconnect(name).orElse(client);
      monitor.watch(name, client, settings, exclusion(dataCenter), seed);
      capacity.watch(name, client);
    }
    dataCenter.setStatus(
        DataCenterStatusMapper.toStatus(
            dataCenter, health, capacity.latest(name), clock.instant()));
    return StatusPatches.patchIfChanged(dataCenter, stored, dataCenter.getStatus())
        .rescheduleAfter(STATUS_REFRESH);
  }

  @Override
  public DeleteControl cleanup(DataCenter dataCenter, Context<DataCenter> context) {
    String name = dataCenter.getMetadata().getName();
    monitor.unwatch(name);
    capacity.unwatch(name);
    connections.disconnect(name);
    return DeleteControl.defaultDelete();
  }

  private static boolean returnedFromBlackout(DataCenterStatus stored, HealthState health) {
    return stored != null
        && stored.getPhase() == DataCenterPhase.Unreachable
        && health.phase() != DataCenterPhase.Unreachable;
  }

  private static Optional<Exclusion> exclusion(DataCenter dataCenter) {
    var exclusion = dataCenter.getSpec().getExclusion();
    if (exclusion == null) {
      return Optional.empty();
    }
    String reason = exclusion.getReason() == null ? "" : exclusion.getReason();
    return Optional.of(
        exclusion.getUntil() == null
            ? Exclusion.indefinite(reason)
            : Exclusion.endingAt(OffsetDateTime.parse(exclusion.getUntil()).toInstant(), reason));
  }

  private DataCenterStatus unconfigured(DataCenter dataCenter, String problem) {
    DataCenterStatus status = new DataCenterStatus();
    StatusConditions.observed(status, dataCenter.getMetadata().getGeneration());
    status.setPhase(DataCenterPhase.Pending);
    status.setMessage(problem);
    StatusConditions.set(
        status,
        dataCenter.getStatus(),
        ConditionTypes.READY,
        false,
        "KubeconfigUnavailable",
        problem,
        clock.instant());
    return status;
  }
}
