package dev.failover.operator;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.FailbackSlots;
import dev.failover.operator.backup.BackupSchedule;
import dev.failover.operator.backup.BackupStore;
import dev.failover.operator.backup.PolicyBackups;
import dev.failover.operator.backup.VeleroBackups;
import dev.failover.operator.chaos.ChaosRestoreTestReconciler;
import dev.failover.operator.chaos.StoredRestoreBackup;
import dev.failover.operator.clusters.ApiServerProbe;
import dev.failover.operator.clusters.ClusterCapacityReader;
import dev.failover.operator.clusters.DataCenterClientFactory;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.clusters.ManagedObjectCache;
import dev.failover.operator.clusters.ManagedObjectChanges;
import dev.failover.operator.config.OperatorConfig;
import dev.failover.operator.config.TenancyConfig;
import dev.failover.operator.datacenter.DataCenterCapacityMonitor;
import dev.failover.operator.datacenter.DataCenterHealthMonitor;
import dev.failover.operator.datacenter.DataCenterReconciler;
import dev.failover.operator.dr.DisasterRecoveryMoments;
import dev.failover.operator.dr.DnsTriggerPoller;
import dev.failover.operator.dr.DnsTxtLookup;
import dev.failover.operator.dr.PolicyDisasterRecovery;
import dev.failover.operator.dr.TriggerKeys;
import dev.failover.operator.dr.egress.EgressPosturesFactory;
import dev.failover.operator.dr.egress.EgressPosturesHook;
import dev.failover.operator.failoverpolicy.FailbackAdmission;
import dev.failover.operator.failoverpolicy.FailoverActionExecutor;
import dev.failover.operator.failoverpolicy.FailoverPolicyReconciler;
import dev.failover.operator.failoverpolicy.MissingDataCenters;
import dev.failover.operator.failoverpolicy.PolicyCleanup;
import dev.failover.operator.failoverpolicy.PolicyEvents;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.PolicyObserver;
import dev.failover.operator.failoverpolicy.RestoreTestGate;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import dev.failover.operator.failoverpolicy.ServicePoolCoupling;
import dev.failover.operator.failoverpolicy.TrafficPublisher;
import dev.failover.operator.failoverpolicy.WorkloadAppliers;
import dev.failover.operator.notification.ChannelDirectory;
import dev.failover.operator.notification.MessageTemplates;
import dev.failover.operator.notification.NotificationChannelReconciler;
import dev.failover.operator.notification.NotificationDelivery;
import dev.failover.operator.notification.NotificationOutbox;
import dev.failover.operator.notification.NotificationReconciler;
import dev.failover.operator.notification.OutboxBackupAlerts;
import dev.failover.operator.notification.OutboxDataCenterMoments;
import dev.failover.operator.notification.OutboxFailoverMoments;
import dev.failover.operator.notification.OutboxSecurityAlerts;
import dev.failover.operator.notification.OutboxSlaMoments;
import dev.failover.operator.notification.channels.ChannelSenders;
import dev.failover.operator.notification.channels.HubChannelSecrets;
import dev.failover.operator.observability.BackupMetrics;
import dev.failover.operator.observability.DataCenterMetrics;
import dev.failover.operator.observability.DisasterRecoveryMetrics;
import dev.failover.operator.observability.FailbackSlotMetrics;
import dev.failover.operator.observability.FailoverMetrics;
import dev.failover.operator.observability.NotificationMetrics;
import dev.failover.operator.observability.OperatorHttpEndpoints;
import dev.failover.operator.observability.RestoreTestMetrics;
import dev.failover.operator.observability.RiderLicenseMetrics;
import dev.failover.operator.observability.SlaMetrics;
import dev.failover.operator.observability.WorkloadEndpointMetrics;
import dev.failover.operator.policyhealth.PolicyHealth;
import dev.failover.operator.probes.HttpEndpointProbe;
import dev.failover.operator.rider.EventSecurityAlerts;
import dev.failover.operator.rider.IaasRiderReconciler;
import dev.failover.operator.rider.KubeVirtDiscovery;
import dev.failover.operator.rider.PaasRiderReconciler;
import dev.failover.operator.rider.RiderCapacity;
import dev.failover.operator.rider.RiderGrants;
import dev.failover.operator.rider.RiderGrantsBeforePlacement;
import dev.failover.operator.rider.RiderLicenseGate;
import dev.failover.operator.rider.RiderLicenseReport;
import dev.failover.operator.rider.RiderMachines;
import dev.failover.operator.rider.RiderStatusMapper;
import dev.failover.operator.rider.SaasRiderReconciler;
import dev.failover.operator.sla.EventSlaMoments;
import dev.failover.operator.sla.PolicySlaLedger;
import dev.failover.operator.sla.SlaReports;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running operator: its reconcilers, probes, clients and HTTP endpoints, wired once. */
public final class FailoverOperator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FailoverOperator.class);

  private final Operator operator;
  private final DataCenterHealthMonitor monitor;
  private final PolicyHealth policyHealth;
  private final DataCenterCapacityMonitor capacity;
  private final DataCenterConnections connections;
  private final OperatorHttpEndpoints endpoints;
  private final DnsTriggerPoller drTriggers;
  private final BackupSchedule backupSchedule;
  private final ChannelDirectory channels;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FailoverOperator(
      Operator operator,
      DataCenterHealthMonitor monitor,
      PolicyHealth policyHealth,
      DataCenterCapacityMonitor capacity,
      DataCenterConnections connections,
      OperatorHttpEndpoints endpoints,
      DnsTriggerPoller drTriggers,
      BackupSchedule backupSchedule,
      ChannelDirectory channels) {
    this.drTriggers = drTriggers;
    this.channels = channels;
    this.operator = operator;
    this.monitor = monitor;
    this.policyHealth = policyHealth;
    this.capacity = capacity;
    this.connections = connections;
    this.endpoints = endpoints;
    this.backupSchedule = backupSchedule;
  }

  public static FailoverOperator start(OperatorConfig config) throws IOException {
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient hub = new KubernetesClientBuilder().build();
    try {
      TrafficPublisher.requireServedBy(hub);
    } catch (RuntimeException e) {
      hub.close(); // its threads would keep a refused operator's JVM alive
      throw e;
    }
    // The operator's objects in each data center are watched, not read one by one per reconcile.
    ManagedObjectChanges memberChanges = new ManagedObjectChanges();
    DataCenterConnections connections =
        new DataCenterConnections(
            new DataCenterClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5)),
            (dataCenter, client) ->
                new ManagedObjectCache(
                    dataCenter,
                    client,
                    PolicyLabels.MANAGED_BY,
                    ServerSideApply.FIELD_MANAGER,
                    memberChanges,
                    clock));
    SimpleInboundEventSource<DataCenter> healthChanges =
        new SimpleInboundEventSource<>("datacenter-health");
    SimpleInboundEventSource<FailoverPolicy> policyHealthChanges =
        new SimpleInboundEventSource<>("policy-health");
    WorkloadEndpointMetrics endpointMetrics = new WorkloadEndpointMetrics(registry);
    PolicyHealth policyHealth =
        new PolicyHealth(
            clock,
            new HttpEndpointProbe(clock)::target,
            policyHealthChanges::propagateEvent,
            new WorkloadEndpointMetrics(registry)::probed);
    DataCenterMetrics dataCenterMetrics = new DataCenterMetrics(registry);
    DataCenterHealthMonitor monitor =
        new DataCenterHealthMonitor(
            new ApiServerProbe(clock),
            clock,
            name -> healthChanges.propagateEvent(new ResourceID(name)),
            (name, result, health) -> {
              dataCenterMetrics.probed(name, result, health);
              policyHealth.apiServerProbes().probed(name, result, health);
            });
    DataCenterCapacityMonitor capacity =
        new DataCenterCapacityMonitor(
            new ClusterCapacityReader(clock),
            config.capacity().interval(),
            DataCenterCapacityMonitor.TIMEOUT);

    Operator operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(hub)
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                  .withCloseClientOnStop(true)
                  // Lets the cache of status patches (FailoverPolicyReconciler#persist) tell a
                  // late informer event from a newer patch, so it never serves an older status.
                  .withParseResourceVersions(true);
              if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        config.leaseName(), config.namespace(), config.leaderIdentity()));
              }
            });
    // Every moment people are told of is first a Notification in the hub (the outbox).
    ChannelDirectory channels = ChannelDirectory.watched(hub);
    NotificationOutbox outbox = new NotificationOutbox(hub, new MessageTemplates(), channels);
    operator.register(
        new DataCenterReconciler(
            hub,
            config.secretsNamespace(),
            connections,
            monitor,
            capacity,
            healthChanges,
            dataCenterMetrics::forget,
            new OutboxDataCenterMoments(hub, outbox, clock),
            clock));
    TrafficPublisher traffic = new TrafficPublisher(hub);
    TenancyConfig tenancy = config.tenancy();
    // The policy controller's watch of the riders also answers the placement's rider reads.
    RiderLicenseGate licenseGate = new RiderLicenseGate();
    WorkloadAppliers appliers =
        new WorkloadAppliers(
            connections, tenancy.tenancyRule(), new RiderGrantsBeforePlacement(hub, licenseGate));
    PolicyEvents events = new PolicyEvents(hub, clock);
    ConditionEvents conditionEvents = new ConditionEvents(hub, clock);
    PolicySlaLedger slaLedger =
        new PolicySlaLedger(
            licenseGate::sla,
            new OutboxSlaMoments(new EventSlaMoments(conditionEvents), outbox),
            new SlaMetrics(registry),
            new SlaReports(hub));
    // Disaster-recovery mode: trigger records polled off the reconciler threads; a changed answer
    // wakes the policies that watch it.
    DnsTriggerPoller drTriggers =
        new DnsTriggerPoller(
            new DnsTxtLookup(Duration.ofSeconds(2))::lookup,
            clock,
            policyHealthChanges::propagateEvent);
    PolicyDisasterRecovery disasterRecovery =
        new PolicyDisasterRecovery(
            drTriggers,
            new TriggerKeys(hub),
            new DisasterRecoveryMoments(conditionEvents, outbox),
            new DisasterRecoveryMetrics(registry),
            connections,
            new EgressPosturesHook(
                EgressPosturesFactory.create(
                    config.egress(), hub, config.namespace(), registry, clock)),
            clock);
    // Backups of each policy's managed state, in Secrets of the hub's backup namespace.
    PolicyBackups backups =
        new PolicyBackups(
            new BackupStore(hub, config.backups().namespace()),
            config.backups().capacityBytes(),
            connections::client,
            licenseGate::backupService,
            new VeleroBackups(config.backups().veleroNamespace()),
            new BackupMetrics(registry),
            clock);
    BackupSchedule backupSchedule =
        new BackupSchedule(
            backups,
            new OutboxBackupAlerts(conditionEvents, outbox),
            conditionEvents,
            policyHealthChanges::propagateEvent,
            clock);
    FailoverActionExecutor executor =
        new FailoverActionExecutor(
            appliers,
            traffic,
            events,
            new FailoverMetrics(registry),
            new OutboxFailoverMoments(outbox),
            clock);
    // Someone changed or deleted one of a policy's objects: apply it again, and look now.
    memberChanges.subscribe(executor::changed);
    memberChanges.subscribe(
        change ->
            PolicyLabels.policyOf(change.labels()).ifPresent(policyHealthChanges::propagateEvent));
    operator.register(
        new FailoverPolicyReconciler(
            new PolicyObserver(appliers, traffic, policyHealth, clock),
            executor,
            policyHealth,
            policyHealthChanges,
            tenancy,
            new PolicyCleanup(
                appliers,
                events,
                policy -> {
                  executor.forget(policy);
                  endpointMetrics.forget(
                      policy.getMetadata().getNamespace(), policy.getMetadata().getName());
                  slaLedger.forget(
                      policy.getMetadata().getNamespace(), policy.getMetadata().getName());
                  disasterRecovery.forget(
                      policy.getMetadata().getNamespace(), policy.getMetadata().getName());
                  backupSchedule.forget(policy.getMetadata().getUid());
                },
                clock),
            new MissingDataCenters(events, clock),
            licenseGate,
            new ServicePoolCoupling(events, clock),
            slaLedger,
            new RestoreTestGate(hub, conditionEvents, clock),
            disasterRecovery,
            backupSchedule,
            new FailbackAdmission(
                new FailbackSlots(config.maxConcurrentFailbacks()),
                new FailbackSlotMetrics(registry),
                policyHealthChanges::propagateEvent),
            traffic,
            clock));
    RiderGrants riderGrants = new RiderGrants(connections, clock);
    RiderStatusMapper riderStatus = new RiderStatusMapper(clock);
    RiderLicenseMetrics riderMetrics = new RiderLicenseMetrics(registry);
    RiderLicenseReport licenseReport =
        new RiderLicenseReport(
            riderMetrics,
            new OutboxSecurityAlerts(
                new EventSecurityAlerts(conditionEvents, riderMetrics), hub, outbox, clock));
    operator.register(
        new SaasRiderReconciler(hub, riderGrants, conditionEvents, riderStatus, licenseReport));
    operator.register(
        new PaasRiderReconciler(hub, riderGrants, conditionEvents, riderStatus, licenseReport));
    operator.register(
        new IaasRiderReconciler(
            hub,
            riderGrants,
            conditionEvents,
            riderStatus,
            licenseReport,
            new RiderMachines(connections, new KubeVirtDiscovery(clock)),
            new RiderCapacity(
                conditionEvents,
                clock,
                config.capacity().interval(),
                config.capacity().cooldown())));
    // Restore tests run a policy's workload in test namespaces of the member data centers, unless
    // another tool runs them and writes their status.
    if (config.restoreTestRunner()) {
      operator.register(
          new ChaosRestoreTestReconciler(
              hub,
              connections,
              new StoredRestoreBackup(backups),
              conditionEvents,
              new RestoreTestMetrics(registry),
              outbox,
              () -> ThreadLocalRandom.current().nextLong(1, 1L << 31),
              clock));
    }
    ChannelSenders senders = new ChannelSenders(new HubChannelSecrets(hub), clock);
    operator.register(new NotificationChannelReconciler(senders, conditionEvents, clock));
    operator.register(
        new NotificationReconciler(
            hub,
            new NotificationDelivery(hub, senders),
            config.notifications().rules(),
            conditionEvents,
            new NotificationMetrics(registry),
            clock,
            () -> ThreadLocalRandom.current().nextDouble()));
    // Endpoints first: /healthz answers while JOSDK connects, so a hub that cannot be reached
    // shows up as not ready (and in the log), not as a process that says nothing.
    AtomicBoolean started = new AtomicBoolean();
    // Alive while starting; once started, only while every probe schedule runs and no watch of
    // the hub has failed.
    BooleanSupplier alive =
        () ->
            !started.get()
                || (monitor.alive() && operator.getRuntimeInfo().allEventSourcesAreHealthy());
    OperatorHttpEndpoints endpoints =
        new OperatorHttpEndpoints(
            registry, alive, started::get, config.metricsPort(), config.healthPort());
    log.info("connecting to the hub at {}", hub.getConfiguration().getMasterUrl());
    if (config.leaderElection()) {
      log.info(
          "leader election on: Lease {}/{} as {}; reconciling only while leading",
          config.namespace(),
          config.leaseName(),
          config.leaderIdentity());
    }
    try {
      operator.start();
    } catch (RuntimeException e) {
      endpoints.close(); // its threads would keep a failed operator's JVM alive
      channels.close();
      throw e;
    }
    started.set(true);
    log.info(
        "failover-operator started: metrics on port {}, health on port {}",
        endpoints.metricsPort(),
        endpoints.healthPort());
    return new FailoverOperator(
        operator,
        monitor,
        policyHealth,
        capacity,
        connections,
        endpoints,
        drTriggers,
        backupSchedule,
        channels);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    endpoints.close();
    monitor.close();
    policyHealth.close();
    capacity.close();
    drTriggers.close();
    backupSchedule.close();
    channels.close();
    operator.stop();
    connections.close();
  }
}
