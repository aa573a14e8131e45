package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.FailoverDecision;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverStateMachine;
import dev.failover.core.failover.PolicySettings;
import dev.failover.operator.config.TenancyConfig;
import dev.failover.operator.policyhealth.PolicyHealth;
import dev.failover.operator.status.StatusConditions;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a policy's workload in exactly one healthy data center. Observe (data centers, workloads,
 * DNS) → decide (the core's {@link FailoverStateMachine}) → act (server-side apply, DNS, Events) →
 * status, repeated while the decision moves on, so a failover whose steps are already satisfied
 * completes in one reconcile. Progress is persisted only after its actions succeeded.
 */
@ControllerConfiguration(name = "failoverpolicy")
public final class FailoverPolicyReconciler
    implements Reconciler<FailoverPolicy>, Cleaner<FailoverPolicy> {
  private static final Logger log = LoggerFactory.getLogger(FailoverPolicyReconciler.class);
  private static final int MAX_DECISIONS_PER_RECONCILE = 8;
  private static final Duration WHILE_MOVING = Duration.ofMillis(500);
  private static final Duration WHILE_SETTLED = Duration.ofSeconds(15);

  /**
   * Away from the primary with automatic failback, a stabilization window may close without any
   * event; looking again this often lets failback start within two seconds of it.
   */
  private static final Duration WHILE_AWAY_FROM_PRIMARY = Duration.ofSeconds(2);

  private final PolicyObserver observer;
  private final FailoverActionExecutor executor;
  private final FailoverStateMachine stateMachine = new FailoverStateMachine();
  private final PolicyHealth policyHealth;
  private final SimpleInboundEventSource<FailoverPolicy> healthChanges;
  private final WorkloadGate gate;
  private final PolicyCleanup cleanup;
  private final MissingDataCenters missingDataCenters;
  private final Clock clock;
  private InformerEventSource<DataCenter, FailoverPolicy> dataCenters;

  /**
   * @param healthChanges wakes a policy whose own view of a data center changed (its detection
   *     settings or workload endpoint); the same source {@code policyHealth} is given
   */
  public FailoverPolicyReconciler(
      PolicyObserver observer,
      FailoverActionExecutor executor,
      PolicyHealth policyHealth,
      SimpleInboundEventSource<FailoverPolicy> healthChanges,
      TenancyConfig tenancy,
      PolicyCleanup cleanup,
      MissingDataCenters missingDataCenters,
      Clock clock) {
    this.observer = observer;
    this.gate = new WorkloadGate(tenancy);
    this.cleanup = cleanup;
    this.missingDataCenters = missingDataCenters;
    this.executor = executor;
    this.policyHealth = policyHealth;
    this.healthChanges = healthChanges;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, FailoverPolicy>> prepareEventSources(
      EventSourceContext<FailoverPolicy> context) {
    // A data center's phase change wakes every policy that lists it.
    dataCenters =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(DataCenter.class, FailoverPolicy.class)
                .withSecondaryToPrimaryMapper(
                    dataCenter ->
                        context
                            .getPrimaryCache()
                            .list(policy -> lists(policy, dataCenter.getMetadata().getName()))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    return List.of(dataCenters, healthChanges);
  }

  @Override
  public UpdateControl<FailoverPolicy> reconcile(
      FailoverPolicy policy, Context<FailoverPolicy> context) {
    FailoverPolicyStatus stored = policy.getStatus();
    FailoverPolicyStatus status =
        stored == null ? new FailoverPolicyStatus() : Serialization.clone(stored);
    Optional<WorkloadGate.Blocked> blocked =
        gate.check(policy)
            .or(
                () ->
                    ManifestClaims.conflict(policy, context.getPrimaryCache().list().toList())
                        .map(conflict -> new WorkloadGate.Blocked("ManifestConflict", conflict)));
    if (blocked.isPresent()) {
      return blocked(policy, status, stored, blocked.get(), context);
    }
    status.setManagedObjects(cleanup.pruneDropped(policy, stored, everyDataCenterOf(policy)));
    Map<String, DataCenter> placement = placementDataCenters(policy);
    FailoverProgress progress = PolicyProgressMapper.read(stored);
    String message = "";
    String failure = null;
    List<WorkloadEndpointHealth> endpoints = List.of();
    for (int decisions = 0; decisions < MAX_DECISIONS_PER_RECONCILE; decisions++) {
      PolicyObservation observation = observer.observe(policy, progress, placement);
      endpoints = observation.endpoints();
      FailoverDecision decision = stateMachine.decide(observation.situation());
      try {
        executor.run(policy, decision.actions(), placement::get, status);
      } catch (KubernetesClientException | IllegalStateException e) {
        failure = e.getMessage();
        log.warn("{}: an action failed; deciding again shortly", name(policy), e);
        break;
      }
      boolean movedOn = !decision.progress().equals(progress);
      progress = decision.progress();
      message = decision.message();
      if (!movedOn) {
        break;
      }
    }
    status.setWorkloadEndpoints(new ArrayList<>(endpoints));
    missingDataCenters.note(
        policy,
        status,
        stored,
        PolicySettingsMapper.settings(policy.getSpec()).placement().ordered(),
        placement.keySet());
    writeStatus(policy, status, stored, progress, message, failure, placement);
    if (StatusPatches.changed(stored, status)) {
      persist(policy, status, context);
    }
    policyHealth.retainPolicies(
        context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet()));
    return UpdateControl.<FailoverPolicy>noUpdate()
        .rescheduleAfter(nextLook(policy, progress, failure));
  }

  /**
   * The policy may not act (an invalid workload, an object outside its namespace, a DNS name it may
   * not have, or an object another policy declares first): do nothing, and say why. What already
   * runs stays as it was.
   */
  private UpdateControl<FailoverPolicy> blocked(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      WorkloadGate.Blocked blocked,
      Context<FailoverPolicy> context) {
    StatusConditions.observed(status, policy.getMetadata().getGeneration());
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.READY,
        false,
        blocked.reason(),
        blocked.message(),
        clock.instant());
    if (StatusPatches.changed(stored, status)) {
      log.warn("{}: blocked: {}", name(policy), blocked.message());
      persist(policy, status, context);
    }
    return UpdateControl.<FailoverPolicy>noUpdate().rescheduleAfter(WHILE_SETTLED);
  }

  /**
   * The finalizer: the workload leaves every data center with the policy. One that cannot be
   * reached is waited for, visibly, up to {@link PolicyCleanup#WAIT_FOR_UNREACHABLE}; then, or at
   * once with the abandon annotation, the policy goes and a Warning Event names what was left.
   */
  @Override
  public DeleteControl cleanup(FailoverPolicy policy, Context<FailoverPolicy> context) {
    PolicyCleanup.Verdict verdict = cleanup.removeEverywhere(policy, everyDataCenterOf(policy));
    if (verdict.waiting()) {
      FailoverPolicyStatus stored = policy.getStatus();
      FailoverPolicyStatus status =
          stored == null ? new FailoverPolicyStatus() : Serialization.clone(stored);
      StatusConditions.set(
          status,
          stored,
          ConditionTypes.READY,
          false,
          "Deleting",
          verdict.message(),
          clock.instant());
      if (StatusPatches.changed(stored, status)) {
        persist(policy, status, context);
      }
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(PolicyCleanup.RETRY);
    }
    policyHealth.retainPolicies(
        context
            .getPrimaryCache()
            .list()
            .map(ResourceID::fromResource)
            .filter(id -> !id.equals(ResourceID.fromResource(policy)))
            .collect(Collectors.toSet()));
    return DeleteControl.defaultDelete();
  }

  /**
   * Every data center that may hold the policy's objects: those its placement lists, the active one
   * and those awaiting a fence (the placement may have changed since). An empty value is a name
   * with no DataCenter.
   */
  private Map<String, Optional<DataCenter>> everyDataCenterOf(FailoverPolicy policy) {
    Set<String> names =
        new LinkedHashSet<>(PolicySettingsMapper.settings(policy.getSpec()).placement().ordered());
    FailoverPolicyStatus status = policy.getStatus();
    if (status != null) {
      if (status.getActiveDataCenter() != null) {
        names.add(status.getActiveDataCenter());
      }
      if (status.getAwaitingFence() != null) {
        names.addAll(status.getAwaitingFence());
      }
    }
    Map<String, Optional<DataCenter>> found = new LinkedHashMap<>();
    names.forEach(name -> found.put(name, dataCenters.get(new ResourceID(name))));
    return found;
  }

  /**
   * The status is the persisted state machine, so the next reconcile must start from it. A plain
   * status patch is not cached: a reconcile that an event starts before the informer has seen the
   * patch would read the previous status and carry out its steps, and emit its Events, a second
   * time. So the patch (server-side apply with optimistic locking) goes through JOSDK's
   * PrimaryUpdateAndCacheUtils, which keeps the patched policy for the next reconcile.
   */
  private static void persist(
      FailoverPolicy policy, FailoverPolicyStatus status, Context<FailoverPolicy> context) {
    FailoverPolicy statusOnly = new FailoverPolicy();
    statusOnly.setMetadata(
        new ObjectMetaBuilder()
            .withName(policy.getMetadata().getName())
            .withNamespace(policy.getMetadata().getNamespace())
            .build());
    statusOnly.setStatus(status);
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(policy, statusOnly, context);
  }

  private static Duration nextLook(
      FailoverPolicy policy, FailoverProgress progress, String failure) {
    if (progress.currentStep() != null || failure != null) {
      return WHILE_MOVING;
    }
    PolicySettings settings = PolicySettingsMapper.settings(policy.getSpec());
    boolean awayFromPrimary =
        progress.activeDataCenter() != null
            && !progress.activeDataCenter().equals(settings.placement().primary());
    return awayFromPrimary && settings.failbackMode() == FailbackMode.Automatic
        ? WHILE_AWAY_FROM_PRIMARY
        : WHILE_SETTLED;
  }

  private void writeStatus(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      FailoverProgress progress,
      String message,
      String failure,
      Map<String, DataCenter> placement) {
    StatusConditions.observed(status, policy.getMetadata().getGeneration());
    PolicyProgressMapper.write(progress, status);
    DataCenter active =
        progress.activeDataCenter() == null ? null : placement.get(progress.activeDataCenter());
    status.setDnsTarget(active == null ? null : active.getSpec().getIngressAddress());
    boolean ready =
        failure == null
            && progress.phase() == FailoverPhase.Active
            && progress.currentStep() == null;
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.READY,
        ready,
        failure != null ? "ActionFailed" : progress.phase().name(),
        failure != null ? failure : message,
        clock.instant());
    RtoCheck.assess(policy.getSpec(), placement.values())
        .ifPresent(
            rto ->
                StatusConditions.set(
                    status,
                    stored,
                    ConditionTypes.RTO_FEASIBLE,
                    rto.feasible(),
                    rto.feasible() ? "DetectionFitsRto" : "DetectionTooSlowForRto",
                    rto.message(),
                    clock.instant()));
  }

  /** The policy's data centers in placement order; those without a DataCenter are left out. */
  private Map<String, DataCenter> placementDataCenters(FailoverPolicy policy) {
    Map<String, DataCenter> found = new LinkedHashMap<>();
    for (String name : PolicySettingsMapper.settings(policy.getSpec()).placement().ordered()) {
      dataCenters.get(new ResourceID(name)).ifPresent(dataCenter -> found.put(name, dataCenter));
    }
    return found;
  }

  private static boolean lists(FailoverPolicy policy, String dataCenter) {
    return PolicySettingsMapper.settings(policy.getSpec()).placement().includes(dataCenter);
  }

  private static String name(FailoverPolicy policy) {
    return policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
  }
}
