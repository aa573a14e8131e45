package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthState;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.clusters.UnusableKubeconfigException;
import dev.failover.operator.probes.ProbeSettings;
import dev.failover.operator.status.ConditionEvents;
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
import java.util.function.Consumer;

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
   * changes; capacity measured more often is refreshed as often as it is measured.
   */
  private static final Duration STATUS_REFRESH = Duration.ofSeconds(10);

  private final KubeconfigSecrets secrets;
  private final ConditionEvents events;
  private final DataCenterConnections connections;
  private final DataCenterHealthMonitor monitor;
  private final DataCenterCapacityMonitor capacity;
  private final SimpleInboundEventSource<DataCenter> healthChanges;
  private final Consumer<String> forgetDataCenter;
  private final DataCenterMoments moments;
  private final Clock clock;

  /**
   * @param secretsNamespace the only namespace kubeconfig Secrets are read from
   */
  public DataCenterReconciler(
      KubernetesClient hub,
      String secretsNamespace,
      DataCenterConnections connections,
      DataCenterHealthMonitor monitor,
      DataCenterCapacityMonitor capacity,
      SimpleInboundEventSource<DataCenter> healthChanges,
      Consumer<String> forgetDataCenter,
      Clock clock) {
    this(
        hub,
        secretsNamespace,
        connections,
        monitor,
        capacity,
        healthChanges,
        forgetDataCenter,
        DataCenterMoments.NONE,
        clock);
  }

  public DataCenterReconciler(
      KubernetesClient hub,
      String secretsNamespace,
      DataCenterConnections connections,
      DataCenterHealthMonitor monitor,
      DataCenterCapacityMonitor capacity,
      SimpleInboundEventSource<DataCenter> healthChanges,
      Consumer<String> forgetDataCenter,
      DataCenterMoments moments,
      Clock clock) {
    this.moments = moments;
    this.secrets = new KubeconfigSecrets(hub, secretsNamespace);
    this.forgetDataCenter = forgetDataCenter;
    this.events = new ConditionEvents(hub, clock);
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
    Optional<KubeconfigProblem> problem = connect(name, dataCenter);
    Optional<KubernetesClient> connected = connections.client(name);
    if (connected.isEmpty()) {
      monitor.unwatch(name);
      capacity.unwatch(name);
      dataCenter.setStatus(
          DataCenterStatusMapper.unconfigured(dataCenter, problem.orElseThrow(), clock.instant()));
    } else {
      KubernetesClient client = connected.get();
      ProbeSettings settings = ProbeSettingsMapper.from(dataCenter.getSpec().getProbe());
      HealthState seed = DataCenterStatusMapper.seed(dataCenter, clock.instant());
      monitor.watch(name, client, settings, exclusion(dataCenter), seed);
      capacity.watch(name, client);
      HealthState health = monitor.state(name).orElse(seed);
      if (returnedFromBlackout(stored, health)) {
        // Start the data center on fresh connections; the monitor keeps its health state.
        client = reconnect(name).orElse(client);
        monitor.watch(name, client, settings, exclusion(dataCenter), seed);
        capacity.watch(name, client);
      }
      dataCenter.setStatus(
          DataCenterStatusMapper.toStatus(
              dataCenter, health, capacity.latest(name), problem, clock.instant()));
    }
    events.changed(dataCenter, stored, dataCenter.getStatus(), ConditionTypes.CREDENTIALS_VALID);
    moments.statusChanged(dataCenter, stored, dataCenter.getStatus());
    Duration refresh =
        capacity.interval().compareTo(STATUS_REFRESH) < 0 ? capacity.interval() : STATUS_REFRESH;
    return StatusPatches.patchIfChanged(dataCenter, stored, dataCenter.getStatus())
        .rescheduleAfter(refresh);
  }

  /**
   * Reads the Secret and connects with its kubeconfig. A problem with either keeps the client in
   * use, if there is one: a bad rotation must not cut off a working data center.
   */
  private Optional<KubeconfigProblem> connect(String name, DataCenter dataCenter) {
    KubeconfigSecrets.Result kubeconfig =
        secrets.read(dataCenter.getSpec().getKubeconfigSecretRef());
    if (!kubeconfig.found()) {
      return Optional.of(kubeconfig.problem());
    }
    try {
      connections.connect(name, kubeconfig.kubeconfig());
      return Optional.empty();
    } catch (UnusableKubeconfigException e) {
      return Optional.of(
          new KubeconfigProblem(
              e.reason(), "the kubeconfig in " + kubeconfig.source() + ": " + e.getMessage()));
    }
  }

  private Optional<KubernetesClient> reconnect(String name) {
    try {
      return connections.reconnect(name);
    } catch (UnusableKubeconfigException e) {
      return Optional.empty(); // it was usable a moment ago; the next reconcile tells
    }
  }

  @Override
  public DeleteControl cleanup(DataCenter dataCenter, Context<DataCenter> context) {
    String name = dataCenter.getMetadata().getName();
    monitor.unwatch(name);
    capacity.unwatch(name);
    connections.disconnect(name);
    forgetDataCenter.accept(name);
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
}
