package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.Objectives;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.DurationText;
import dev.failover.core.failover.FailbackWait;
import dev.failover.core.failover.FailoverDecision;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverStateMachine;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.SettledTraffic;
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.restoregate.GateReview;
import dev.failover.core.sla.ServiceRule;
import dev.failover.core.sla.ServiceState;
import dev.failover.operator.backup.BackupSchedule;
import dev.failover.operator.config.TenancyConfig;
import dev.failover.operator.dr.PolicyDisasterRecovery;
import dev.failover.operator.policyhealth.PolicyHealth;
import dev.failover.operator.sla.PolicySlaLedger;
import dev.failover.operator.status.StatusConditions;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a policy's workload in exactly one healthy data center. Observe (data centers, workloads,
 * DNS) → decide (the core's {@link FailoverStateMachine}) → act (server-side apply, DNS, Events) →
 * status, repeated while the decision moves on, so a failover whose steps are already satisfied
 * completes in one reconcile. Each decision that moves on is persisted before its actions run, so
 * the status is authoritative at every externally visible step (traffic switched, fenced,
 * recorded); see {@link #reconcile}.
 */
@ControllerConfiguration(
    name = "failoverpolicy",
    informer = @Informer(itemStore = PoliciesWithoutManagedFields.class))
public final class FailoverPolicyReconciler
    implements Reconciler<FailoverPolicy>, Cleaner<FailoverPolicy> {
  private static final Logger log = LoggerFactory.getLogger(FailoverPolicyReconciler.class);
  private static final int MAX_DECISIONS_PER_RECONCILE = 8;

  /**
   * False while an action in a bystander data center (a standby, or one awaiting its fence) fails;
   * the message names each and its error. The move does not wait for them.
   */
  static final String DATA_CENTERS_IN_SYNC = "DataCentersInSync";

  /** How often what is kept of deleted policies is looked for and dropped. */
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

  /**
   * A failback waiting for a slot is woken when one frees ({@link FailbackAdmission}); this is only
   * the look that would catch a wake-up lost, like any settled look.
   */
  private static final Duration WHILE_AWAITING_FAILBACK_SLOT = Duration.ofSeconds(15);

  /** The Ready reason while an automatic failback is due but waits for a slot. */
  static final String AWAITING_FAILBACK_SLOT = "AwaitingFailbackSlot";

  private final PolicyObserver observer;
  private final FailoverActionExecutor executor;
  private final FailoverStateMachine stateMachine = new FailoverStateMachine();
  private final ManifestClaims claims = new ManifestClaims();
  private final PolicyHealth policyHealth;
  private final SimpleInboundEventSource<FailoverPolicy> healthChanges;
  private final WorkloadGate gate;
  private final PolicyCleanup cleanup;
  private final MissingDataCenters missingDataCenters;
  private final LicenseGate licenses;
  private final ServicePoolCoupling poolCoupling;
  private final Clock clock;
  private final CrashPoints crashPoints;
  private final PolicySlaLedger slaLedger;
  private final RestoreTestGate restoreGate;
  private final PolicyDisasterRecovery disasterRecovery;
  private final BackupSchedule backups;
  private final FailbackAdmission failbacks;
  private final TrafficPublisher traffic;
  private InformerEventSource<DataCenter, FailoverPolicy> dataCenters;
  private volatile Instant lastSweep;

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
      LicenseGate licenses,
      ServicePoolCoupling poolCoupling,
      PolicySlaLedger slaLedger,
      RestoreTestGate restoreGate,
      PolicyDisasterRecovery disasterRecovery,
      BackupSchedule backups,
      FailbackAdmission failbacks,
      TrafficPublisher traffic,
      Clock clock) {
    this.traffic = traffic;
    this.disasterRecovery = disasterRecovery;
    this.failbacks = failbacks;
    this.observer = observer;
    this.licenses = licenses;
    this.poolCoupling = poolCoupling;
    this.gate = new WorkloadGate(tenancy);
    this.cleanup = cleanup;
    this.missingDataCenters = missingDataCenters;
    this.executor = executor;
    this.policyHealth = policyHealth;
    this.healthChanges = healthChanges;
    this.clock = clock;
    this.crashPoints = CrashPoints.fromSystemProperties();
    this.slaLedger = slaLedger;
    this.restoreGate = restoreGate;
    this.backups = backups;
  }

  @Override
  public List<EventSource<?, FailoverPolicy>> prepareEventSources(
      EventSourceContext<FailoverPolicy> context) {
    context.getPrimaryCache().addIndexer(ManifestClaims.INDEX, claims::keys);
    // A data center's phase change wakes every policy that lists it; its figures do not.
    dataCenters =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(DataCenter.class, FailoverPolicy.class)
                .withOnUpdateFilter(
                    (DataCenter after, DataCenter before) ->
                        DataCenterNews.mattersToPolicies(before, after))
                .withSecondaryToPrimaryMapper(
                    dataCenter ->
                        context
                            .getPrimaryCache()
                            .list(policy -> lists(policy, dataCenter.getMetadata().getName()))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    List<EventSource<?, FailoverPolicy>> sources =
        new java.util.ArrayList<>(
            List.of(dataCenters, healthChanges, traffic.eventSource(context)));
    sources.addAll(licenses.eventSources(context));
    sources.add(restoreGate.eventSource(context));
    return sources;
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
                    claims
                        .conflict(
                            policy,
                            claim -> context.getPrimaryCache().byIndex(ManifestClaims.INDEX, claim))
                        .map(conflict -> new WorkloadGate.Blocked("ManifestConflict", conflict)))
            .or(
                () ->
                    licenses
                        .check(
                            policy,
                            context
                                .getPrimaryCache()
                                .list(
                                    other ->
                                        policy
                                            .getMetadata()
                                            .getNamespace()
                                            .equals(other.getMetadata().getNamespace())))
                        .map(
                            refusal ->
                                new WorkloadGate.Blocked(refusal.reason(), refusal.message())));
    if (blocked.isPresent()) {
      failbacks.release(policy);
      slaLedger.pause(policy);
      return blocked(policy, status, stored, blocked.get(), context);
    }
    status.setManagedObjects(cleanup.pruneDropped(policy, stored, everyDataCenterOf(policy)));
    Map<String, DataCenter> placement = placementDataCenters(policy);
    missingDataCenters.note(
        policy,
        status,
        stored,
        PolicySettingsMapper.settings(policy.getSpec()).placement().ordered(),
        placement.keySet());
    Optional<PoolAssignment> pools = licenses.servicePools(policy);
    poolCoupling.note(policy, status, stored, pools);
    Optional<PoolRetry> poolRetry = pools.flatMap(PoolAssignment::retry);
    FailoverProgress progress = PolicyProgressMapper.read(stored);
    if (disasterRecovery.note(policy, status, stored)) {
      // The workload renders differently now (critical applications only, or everything again):
      // apply it everywhere at once rather than when the apply cache expires.
      executor.forget(policy);
    }
    // The policy as last persisted: Events are named after its resourceVersion.
    FailoverPolicy current = policy;
    FailoverPolicyStatus persisted = stored;
    String message = "";
    FailoverActionExecutor.Outcome outcome = new FailoverActionExecutor.Outcome(List.of());
    List<WorkloadEndpointHealth> endpoints = List.of();
    Optional<FailbackWait> waiting = Optional.empty();
    ServiceState service = ServiceState.Unknown;
    failbacks.deriveOnce(context.getPrimaryCache().list());
    for (int decisions = 0; decisions < MAX_DECISIONS_PER_RECONCILE; decisions++) {
      PolicyObservation observation = observer.observe(current, progress, placement, poolRetry);
      endpoints = observation.endpoints();
      // Data centers awaiting (or failing) their restore test are no automatic target.
      GateReview gates = restoreGate.review(current, status, observation.situation());
      PolicySituation situation = observation.situation().withHeldOut(gates.heldOut());
      FailbackAdmission.Admitted admitted =
          failbacks.decide(stateMachine, current, progress, situation);
      FailoverDecision decision = admitted.decision();
      waiting = admitted.waiting();
      FailoverProgress before = progress;
      FailoverProgress after = decision.progress();
      Consumer<String> crashPoint = step -> crashPoints.before(step, before, after);
      // Tell, then persist, then act: a crash after the Events retells nothing (same names), and
      // the status is authoritative before traffic moves, a data center is fenced or a record is
      // kept; the actions are re-derived from it, so a crash before them only delays them.
      executor.report(current, decision.actions(), status, crashPoint, after.inFlight());
      progress = after;
      message = decision.message();
      status.setWorkloadEndpoints(new ArrayList<>(endpoints));
      restoreGate.note(current, status, stored, gates, decision.actions());
      slaLedger.note(current, status, situation);
      service = ServiceRule.of(situation);
      // Backups run on their own thread; only a settled policy is backed up.
      backups.note(
          current,
          status,
          stored,
          progress.phase() == FailoverPhase.Active && progress.currentStep() == null
              ? progress.activeDataCenter()
              : null);
      writeStatus(
          current, status, stored, progress, message, waiting, outcome, placement, poolRetry);
      if (StatusPatches.changed(persisted, status)) {
        crashPoint.accept("status write " + describe(progress));
        current = persist(current, status, context);
        persisted = Serialization.clone(status);
      }
      outcome =
          executor.act(
              current,
              SettledTraffic.withoutRepublishing(
                  decision.actions(), progress, observation.situation().trafficTarget()),
              progress,
              placement::get,
              crashPoint);
      restoreGate.act(current, gates);
      if (outcome.requiredFailed() || before.equals(after)) {
        break;
      }
    }
    disasterRecovery.egress(current, status, placement);
    writeStatus(current, status, stored, progress, message, waiting, outcome, placement, poolRetry);
    if (StatusPatches.changed(persisted, status)) {
      persist(current, status, context);
    }
    forgetDeletedPolicies(context);
    return UpdateControl.<FailoverPolicy>noUpdate()
        .rescheduleAfter(
            waiting.isPresent()
                ? WHILE_AWAITING_FAILBACK_SLOT
                : nextLook(
                    policy,
                    progress,
                    outcome,
                    placement,
                    service == ServiceState.Up
                        && executor.watchesChangesEverywhere(policy, placement.values()),
                    clock));
  }

  /**
   * What is kept per policy goes with the policy. Every policy's reconcile going over every other
   * policy would make a storm's work grow with the square of the policies, so this runs at most
   * every {@link #SWEEP_EVERY}; a deleted policy's cleanup forgets most of it at once anyway.
   */
  private void forgetDeletedPolicies(Context<FailoverPolicy> context) {
    Instant now = clock.instant();
    Instant last = lastSweep;
    if (last != null && now.isBefore(last.plus(SWEEP_EVERY)) && !now.isBefore(last)) {
      return;
    }
    lastSweep = now;
    Set<ResourceID> ids =
        context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet());
    disasterRecovery.retainPolicies(ids);
    policyHealth.retainPolicies(ids);
    Set<String> uids =
        context
            .getPrimaryCache()
            .list()
            .map(known -> known.getMetadata().getUid())
            .collect(Collectors.toSet());
    executor.retainPolicies(uids);
    claims.retainPolicies(uids);
    failbacks.retain(uids);
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
    return UpdateControl.<FailoverPolicy>noUpdate().rescheduleAfter(NextLook.WHILE_SETTLED);
  }

  /** WithinRiderFailoverTime: the policy's RTO is within its rider's maxFailoverTime. */
  private void riderFailoverTime(
      FailoverPolicy policy, FailoverPolicyStatus status, FailoverPolicyStatus stored) {
    Objectives objectives = policy.getSpec().getObjectives();
    Optional<Duration> max = licenses.maxFailoverTime(policy);
    if (objectives == null || objectives.getRto() == null || max.isEmpty()) {
      return;
    }
    Duration rto = DurationText.parse(objectives.getRto());
    boolean within = rto.compareTo(max.get()) <= 0;
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.WITHIN_RIDER_FAILOVER_TIME,
        within,
        within ? "RtoWithinRiderPlan" : "RtoExceedsRiderPlan",
        "spec.objectives.rto "
            + objectives.getRto()
            + (within ? " is within " : " exceeds ")
            + "the rider's failoverPlan.maxFailoverTime "
            + DurationText.format(max.get())
            + (within ? "" : ": lower the RTO, or agree a longer failover time in the rider"),
        clock.instant());
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
    failbacks.release(policy);
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
  private static FailoverPolicy persist(
      FailoverPolicy policy, FailoverPolicyStatus status, Context<FailoverPolicy> context) {
    FailoverPolicy statusOnly = new FailoverPolicy();
    statusOnly.setMetadata(
        new ObjectMetaBuilder()
            .withName(policy.getMetadata().getName())
            .withNamespace(policy.getMetadata().getNamespace())
            .build());
    statusOnly.setStatus(status);
    return PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(policy, statusOnly, context);
  }

  private static String describe(FailoverProgress progress) {
    return progress.phase()
        + (progress.currentStep() == null ? "" : "/" + progress.currentStep())
        + " in "
        + progress.activeDataCenter()
        + (progress.inFlight() == null ? "" : ", to " + progress.inFlight().to())
        + (progress.awaitingFence().isEmpty()
            ? ""
            : ", awaiting fence " + progress.awaitingFence());
  }

  private static Duration nextLook(
      FailoverPolicy policy,
      FailoverProgress progress,
      FailoverActionExecutor.Outcome outcome,
      Map<String, DataCenter> placement,
      boolean servingAndWatched,
      Clock clock) {
    PolicySettings settings = PolicySettingsMapper.settings(policy.getSpec());
    String primary = settings.placement().primary();
    boolean awayFromHealthyPrimary =
        progress.activeDataCenter() != null
            && !progress.activeDataCenter().equals(primary)
            && phaseOf(placement.get(primary)) == DataCenterPhase.Healthy;
    return NextLook.after(
        progress.currentStep() != null,
        progress.inFlight() != null
            && progress.inFlight().reason() == FailoverReason.AutomaticFailback,
        outcome.nextRetry().map(at -> Duration.between(clock.instant(), at)),
        awayFromHealthyPrimary && settings.failbackMode() == FailbackMode.Automatic,
        servingAndWatched);
  }

  private static DataCenterPhase phaseOf(DataCenter dataCenter) {
    return dataCenter == null || dataCenter.getStatus() == null
        ? null
        : dataCenter.getStatus().getPhase();
  }

  private void writeStatus(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      FailoverProgress progress,
      String message,
      Optional<FailbackWait> waiting,
      FailoverActionExecutor.Outcome outcome,
      Map<String, DataCenter> placement,
      Optional<PoolRetry> poolRetry) {
    String failure = failures(outcome.of(true));
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
        failure != null
            ? "ActionFailed"
            : waiting.isPresent() ? AWAITING_FAILBACK_SLOT : progress.phase().name(),
        failure != null ? failure : message,
        clock.instant());
    RtoCheck.assess(policy.getSpec(), placement.values(), poolRetry)
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
    riderFailoverTime(policy, status, stored);
    String bystanders = failures(outcome.of(false));
    StatusConditions.set(
        status,
        stored,
        DATA_CENTERS_IN_SYNC,
        bystanders == null,
        bystanders == null ? "AllActionsApplied" : "ActionFailed",
        bystanders == null
            ? "Every data center holds the workload as its role asks"
            : "Retrying with back-off; the move does not wait for these: " + bystanders,
        clock.instant());
  }

  /** One line naming each failing data center and its condensed error; null when none failed. */
  private static String failures(List<FailoverActionExecutor.Failure> failures) {
    return failures.isEmpty()
        ? null
        : failures.stream()
            .map(FailoverActionExecutor.Failure::describe)
            .collect(Collectors.joining("; "));
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
