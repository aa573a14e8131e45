package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.AppliedPermissions;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.core.rider.ApplicationLicense.RiderPolicy;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.core.rider.FailoverPlanChecks.PlanCheck;
import dev.failover.core.rider.GrantPlan;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a rider's grants into RoleBindings in every data center where its policies may run. Observe
 * (the rider, its policies, the data centers) → decide (the core's {@link GrantPlan}) → act ({@link
 * RiderGrants}, per data center) → status ({@link RiderStatusMapper}). One class serves the three
 * kinds; each kind registers it with its own resource and {@link RiderTerms} reader.
 */
public abstract class RiderReconciler<R extends CustomResource<?, RiderStatus>>
    implements Reconciler<R>, Cleaner<R> {
  /** How soon a data center that could not be given its grants is tried again. */
  static final Duration WHILE_PENDING = Duration.ofSeconds(15);

  /** A periodic re-apply takes back a RoleBinding changed or deleted by hand. */
  static final Duration WHILE_SETTLED = Duration.ofMinutes(5);

  private final Class<R> type;
  private final RiderKind kind;
  private final Function<R, RiderTerms> terms;
  private final HubRiders hubRiders;
  private final RiderGrants grants;
  private final ConditionEvents events;
  private final RiderStatusMapper statusMapper;
  private final Function<R, Optional<MachineTerms>> machineTerms;
  private final RiderMachines machines;
  private final RiderCapacity capacity;
  private final RiderLicenseReport licenseReport;
  private InformerEventSource<FailoverPolicy, R> policies;
  private InformerEventSource<DataCenter, R> dataCenters;

  protected RiderReconciler(
      Class<R> type,
      RiderKind kind,
      Function<R, RiderTerms> terms,
      KubernetesClient hub,
      RiderGrants grants,
      ConditionEvents events,
      RiderStatusMapper statusMapper,
      RiderLicenseReport licenseReport) {
    this(
        type,
        kind,
        terms,
        hub,
        grants,
        events,
        statusMapper,
        licenseReport,
        rider -> Optional.empty(),
        null,
        null);
  }

  /** A kind whose riders also list virtual machines (IaaS). */
  protected RiderReconciler(
      Class<R> type,
      RiderKind kind,
      Function<R, RiderTerms> terms,
      KubernetesClient hub,
      RiderGrants grants,
      ConditionEvents events,
      RiderStatusMapper statusMapper,
      RiderLicenseReport licenseReport,
      Function<R, Optional<MachineTerms>> machineTerms,
      RiderMachines machines,
      RiderCapacity capacity) {
    this.machineTerms = machineTerms;
    this.machines = machines;
    this.capacity = capacity;
    this.type = type;
    this.kind = kind;
    this.terms = terms;
    this.hubRiders = new HubRiders(hub, RiderReads.fromHub(hub));

    this.grants = grants;
    this.events = events;
    this.statusMapper = statusMapper;
    this.licenseReport = licenseReport;
  }

  @Override
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    // A policy that starts or stops naming the rider, or changes its data centers, or moves (its
    // active data center decides where the rider's machines run); not every status patch.
    policies =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(FailoverPolicy.class, type)
                .withName(kind.name() + "-policies")
                .withItemStore(new PoliciesForRiders())
                .withSecondaryToPrimaryMapper(
                    policy ->
                        riderOf(policy)
                            .map(name -> Set.of(new ResourceID(name, namespaceOf(policy))))
                            .orElse(Set.of()))
                .withOnUpdateFilter(RiderReconciler::wakesRider)
                .build(),
            context);
    // A data center that comes back, or goes, wakes every rider: its grants are due there. So
    // does one whose privacy laws change: the riders' plan checks read them.
    dataCenters =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(DataCenter.class, type)
                .withName(kind.name() + "-datacenters")
                .withSecondaryToPrimaryMapper(
                    dataCenter ->
                        context
                            .getPrimaryCache()
                            .list()
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .withOnUpdateFilter(
                    (updated, old) ->
                        !Objects.equals(phase(updated), phase(old))
                            || !RiderPlanReader.laws(updated).equals(RiderPlanReader.laws(old)))
                .build(),
            context);
    return List.of(policies, dataCenters);
  }

  @Override
  public UpdateControl<R> reconcile(R rider, Context<R> context) {
    RiderTerms riderTerms = terms.apply(rider);
    RiderStatus stored = rider.getStatus();
    RiderStatus status = stored == null ? new RiderStatus() : Serialization.clone(stored);
    List<String> namespaces;
    try {
      namespaces = hubRiders.namespaces(riderTerms);
    } catch (IllegalArgumentException refused) {
      statusMapper.refused(rider, status, stored, refused.getMessage());
      machines(rider, riderTerms, status, stored);
      return finish(rider, stored, status);
    }
    GrantPlan plan = riderTerms.plan(namespaces);
    Map<String, AppliedPermissions> previous = byDataCenter(stored);
    Set<String> wanted = dataCentersOfPolicies(riderTerms);
    List<AppliedPermissions> entries = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : wanted) {
      Optional<DataCenter> dataCenter = dataCenter(name);
      if (dataCenter.isEmpty()) {
        missing.add(name);
        continue;
      }
      entries.add(grants.apply(dataCenter.get(), riderTerms, plan, namespaces, previous.get(name)));
    }
    // Data centers no policy of the rider lists any more: their bindings go.
    previous.forEach(
        (name, entry) -> {
          if (!wanted.contains(name)) {
            Optional<DataCenter> dataCenter = dataCenter(name);
            if (dataCenter.isPresent() && !grants.remove(dataCenter.get(), riderTerms, entry)) {
              entries.add(leaving(entry));
            }
          }
        });
    entries.sort(java.util.Comparator.comparing(AppliedPermissions::getDataCenter));
    List<RiderPolicy> underRider =
        policiesOf(riderTerms).stream().map(RiderLicenseGate::asRiderPolicy).toList();
    statusMapper.applied(rider, status, stored, riderTerms, plan, underRider, entries, missing);
    machines(rider, riderTerms, status, stored);
    statusMapper.planChecked(rider, status, stored, planChecks(riderTerms, wanted));
    return finish(rider, stored, status);
  }

  @Override
  public DeleteControl cleanup(R rider, Context<R> context) {
    RiderTerms riderTerms = terms.apply(rider);
    List<String> waitingFor = new ArrayList<>();
    for (AppliedPermissions entry : byDataCenter(rider.getStatus()).values()) {
      Optional<DataCenter> dataCenter = dataCenter(entry.getDataCenter());
      // A DataCenter deleted from the hub is no longer the operator's to clean.
      if (dataCenter.isPresent() && !grants.remove(dataCenter.get(), riderTerms, entry)) {
        waitingFor.add(entry.getDataCenter());
      }
    }
    if (machines != null) {
      // Where the status says, and where the policies run: a status lost in a crash leaves none.
      Set<String> where = new TreeSet<>(RiderMachines.dataCentersIn(rider.getStatus()));
      where.addAll(dataCentersOfPolicies(riderTerms));
      for (String name : where) {
        Optional<DataCenter> dataCenter = dataCenter(name);
        if (dataCenter.isPresent() && !machines.removeAll(dataCenter.get(), riderTerms)) {
          waitingFor.add(name);
        }
      }
    }
    if (waitingFor.isEmpty() || RiderStatusMapper.abandoned(rider)) {
      licenseReport.forget(kind.name(), rider);
      return DeleteControl.defaultDelete();
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(WHILE_PENDING);
  }

  /** An IaaS rider's virtual machines (the other kinds have none): observe, decide, act, status. */
  private void machines(R rider, RiderTerms riderTerms, RiderStatus status, RiderStatus stored) {
    Optional<MachineTerms> wanted = machineTerms.apply(rider);
    if (wanted.isEmpty() || machines == null) {
      return;
    }
    List<FailoverPolicy> policies = policiesOf(riderTerms);
    RiderCapacity.Scaled scaled =
        capacity.scale(
            rider,
            wanted.get(),
            policies.stream().map(RiderMachines::placement).toList(),
            this::dataCenter,
            stored);
    RiderMachines.Outcome outcome =
        machines.sync(riderTerms, scaled.terms(), policies, this::dataCenter, stored);
    statusMapper.machines(
        status, stored, outcome.plan(), outcome.entries(), outcome.missing(), scaled.status());
  }

  private UpdateControl<R> finish(R rider, RiderStatus stored, RiderStatus status) {
    events.changed(rider, stored, status, ConditionTypes.PERMISSIONS_APPLIED);
    events.changed(rider, stored, status, ConditionTypes.LICENSE_COMPLIANT);
    events.changed(rider, stored, status, ConditionTypes.VIRTUAL_MACHINES_READY);
    events.changed(rider, stored, status, ConditionTypes.FAILOVER_PLAN_VALID);
    licenseReport.reported(kind.name(), rider, stored, status);
    rider.setStatus(status);
    boolean pending =
        status.getPermissions().stream().anyMatch(p -> !Boolean.TRUE.equals(p.getApplied()))
            || status.getVirtualMachines().stream()
                .anyMatch(m -> !Boolean.TRUE.equals(m.getApplied()) && !RiderMachines.notServed(m));
    // KubeVirt installed later is found at the next look at the data center's discovery.
    boolean notServed = status.getVirtualMachines().stream().anyMatch(RiderMachines::notServed);
    Duration next = pending ? WHILE_PENDING : notServed ? KubeVirtDiscovery.REFRESH : WHILE_SETTLED;
    // A capacity threshold judges every new utilization sample: they come as often as the data
    // centers are measured.
    boolean measuring = capacity != null && status.getCapacity() != null;
    if (measuring && capacity.interval().compareTo(next) < 0) {
      next = capacity.interval();
    }
    return StatusPatches.<R>patchIfChanged(rider, stored, status).rescheduleAfter(next);
  }

  /** The failover plan against the policies and the privacy laws of their data centers. */
  private List<PlanCheck> planChecks(RiderTerms rider, Set<String> dataCentersOfPolicies) {
    Map<String, Set<String>> laws = new LinkedHashMap<>();
    dataCentersOfPolicies.forEach(
        name -> dataCenter(name).ifPresent(dc -> laws.put(name, RiderPlanReader.laws(dc))));
    return FailoverPlanChecks.check(
        rider.failoverPlan(),
        policiesOf(rider).stream().map(RiderPlanReader::policy).toList(),
        laws);
  }

  /** The policies under this rider, but those being deleted. */
  private List<FailoverPolicy> policiesOf(RiderTerms rider) {
    return policies
        .list(
            rider.namespace(),
            policy ->
                policy.getMetadata().getDeletionTimestamp() == null
                    && riderOf(policy).filter(rider.name()::equals).isPresent())
        .toList();
  }

  /** The data centers any policy under this rider may run in, sorted. */
  private Set<String> dataCentersOfPolicies(RiderTerms rider) {
    return policiesOf(rider).stream()
        .flatMap(
            policy ->
                PolicySettingsMapper.settings(policy.getSpec()).placement().ordered().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Optional<String> riderOf(FailoverPolicy policy) {
    if (policy.getSpec() == null || policy.getSpec().getRiderRef() == null) {
      return Optional.empty();
    }
    var ref = policy.getSpec().getRiderRef();
    return ref.getKind() == kind ? Optional.ofNullable(ref.getName()) : Optional.empty();
  }

  private Optional<DataCenter> dataCenter(String name) {
    return dataCenters.get(new ResourceID(name));
  }

  private static AppliedPermissions leaving(AppliedPermissions entry) {
    AppliedPermissions copy = Serialization.clone(entry);
    copy.setApplied(false);
    copy.setMessage(
        RiderGrants.unreachable(entry.getDataCenter())
            + "; no policy of the rider runs there any more, so its bindings will be removed");
    return copy;
  }

  private static Map<String, AppliedPermissions> byDataCenter(RiderStatus status) {
    Map<String, AppliedPermissions> entries = new LinkedHashMap<>();
    if (status != null && status.getPermissions() != null) {
      status.getPermissions().forEach(entry -> entries.put(entry.getDataCenter(), entry));
    }
    return entries;
  }

  private static String namespaceOf(FailoverPolicy policy) {
    return policy.getMetadata().getNamespace();
  }

  /** A policy's spec changed, or it moved to another data center: its rider has work. */
  static boolean wakesRider(FailoverPolicy updated, FailoverPolicy old) {
    return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
        || !Objects.equals(activeDataCenter(updated), activeDataCenter(old));
  }

  private static String activeDataCenter(FailoverPolicy policy) {
    return policy.getStatus() == null ? null : policy.getStatus().getActiveDataCenter();
  }

  private static Object phase(DataCenter dataCenter) {
    return dataCenter.getStatus() == null ? null : dataCenter.getStatus().getPhase();
  }
}
