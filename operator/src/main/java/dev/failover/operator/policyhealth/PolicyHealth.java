package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.Detection;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.HealthEndpoint;
import dev.failover.api.v1alpha1.failoverpolicy.HttpScheme;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.HealthVerdict;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.PolicyHealthLens;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.health.HealthState;
import dev.failover.core.pool.PoolRetry;
import dev.failover.operator.datacenter.DataCenterStatusMapper;
import dev.failover.operator.datacenter.ProbeSettingsMapper;
import dev.failover.operator.probes.ProbeListener;
import dev.failover.operator.probes.ProbeSettings;
import dev.failover.operator.probes.ProbeTarget;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each policy's own view of its data centers: its detection settings applied to the data centers'
 * API-server probes, and its workload's health endpoint probed where the workload serves. The
 * failover core then decides on these views exactly as on the data centers' own.
 *
 * <p>An endpoint counts only once it has answered in that data center, and only where the workload
 * serves: an endpoint that never answered is a deployment problem no failover fixes. When the
 * workload stops serving somewhere while its endpoint there was failing, and the data center itself
 * was fine, that verdict is kept in status: otherwise the workload would fail back into the same
 * broken endpoint at once. A manual action naming the data center clears it.
 */
public final class PolicyHealth implements AutoCloseable {
  private final Clock clock;
  private final DetectionLenses lenses;
  private final WorkloadEndpointProbes endpoints;

  /**
   * Loop key → the bad verdict kept while the workload does not run there. In memory, because a
   * reconcile looks several times before it writes status; restored from status once per policy
   * after a restart.
   */
  private final Map<String, HealthVerdict> kept = new ConcurrentHashMap<>();

  private final Set<PolicyKey> restored = ConcurrentHashMap.newKeySet();

  /**
   * @param endpointTargets how to probe a workload endpoint, e.g. {@code HttpEndpointProbe::target}
   * @param wake called with a policy whose view of a data center may have changed
   * @param onEndpointProbe hears every endpoint probe, for metrics
   */
  public PolicyHealth(
      Clock clock,
      Function<URI, ProbeTarget> endpointTargets,
      Consumer<ResourceID> wake,
      EndpointProbeListener onEndpointProbe) {
    this.clock = clock;
    Consumer<PolicyKey> onChange = policy -> wake.accept(policy.resourceId());
    this.lenses = new DetectionLenses(clock, onChange);
    this.endpoints = new WorkloadEndpointProbes(endpointTargets, clock, onChange, onEndpointProbe);
  }

  /** Feed it every API-server probe of every data center. */
  public ProbeListener apiServerProbes() {
    return lenses;
  }

  /**
   * @param handledBefore the progress as stored before this reconcile: which action ids are new
   * @param base the data centers' own views, for the data centers that exist
   * @param workloads the policy's workload per data center that could be read
   * @param poolRetry the service pool's timeout and retries, which govern the endpoint's probes
   */
  public PolicyHealthReport observe(
      FailoverPolicy policy,
      PolicySettings settings,
      FailoverProgress progress,
      FailoverProgress handledBefore,
      ManualAction action,
      Map<String, DataCenter> dataCenters,
      List<DataCenterView> base,
      Map<String, WorkloadObservation> workloads,
      Optional<PoolRetry> poolRetry) {
    PolicyKey key = PolicyKey.of(policy);
    Instant now = clock.instant();
    Detection detection = policy.getSpec().getDetection();
    HealthEndpoint endpoint = policy.getSpec().getWorkload().getHealthEndpoint();
    Map<String, WorkloadEndpointHealth> stored = storedEndpoints(policy.getStatus());
    if (restored.add(key)) {
      stored.forEach(
          (name, entry) ->
              EndpointEntries.keptVerdict(entry).ifPresent(v -> kept.put(key.in(name), v)));
    }
    List<DataCenterView> views = new ArrayList<>();
    List<WorkloadEndpointHealth> entries = new ArrayList<>();
    for (DataCenterView view : base) {
      String name = view.name();
      DataCenter dataCenter = dataCenters.get(name);
      ProbeSettings probes = ProbeSettingsMapper.from(dataCenter.getSpec().getProbe());
      Optional<HealthVerdict> detected = detectionVerdict(key, dataCenter, probes, detection, now);
      Optional<HealthVerdict> endpointVerdict = Optional.empty();
      if (endpoint == null) {
        endpoints.stop(key, name, true);
        kept.remove(key.in(name));
      } else {
        EndpointLook look =
            lookAtEndpoint(
                key,
                view,
                new EndpointTarget(uri(dataCenter, endpoint), poolRetry),
                PolicyDetection.forEndpoint(probes, detection, poolRetry),
                EndpointRoles.serves(name, settings, progress),
                available(workloads.get(name)),
                EndpointRoles.vouchedFor(name, action, handledBefore, settings),
                stored.get(name),
                now);
        endpointVerdict = look.verdict();
        look.entry().ifPresent(entries::add);
      }
      views.add(PolicyHealthLens.apply(reachableAsJudged(view, key), detected, endpointVerdict));
    }
    forgetOtherDataCenters(key, base);
    return new PolicyHealthReport(views, entries);
  }

  /** Stops probing for policies that no longer exist. */
  public void retainPolicies(Set<ResourceID> existing) {
    for (String loop : lenses.keys()) {
      if (!existing.contains(PolicyKey.ofLoop(loop).resourceId())) {
        lenses.forget(PolicyKey.ofLoop(loop), PolicyKey.dataCenterOf(loop));
      }
    }
    for (String loop : endpoints.keys()) {
      if (!existing.contains(PolicyKey.ofLoop(loop).resourceId())) {
        endpoints.stop(PolicyKey.ofLoop(loop), PolicyKey.dataCenterOf(loop), true);
      }
    }
    kept.keySet().removeIf(loop -> !existing.contains(PolicyKey.ofLoop(loop).resourceId()));
    restored.removeIf(policy -> !existing.contains(policy.resourceId()));
  }

  /**
   * With a lens of its own, the policy knows whether the latest probe got through before the data
   * center's status says so: a policy that calls a blackout early must not try to act there.
   */
  private DataCenterView reachableAsJudged(DataCenterView view, PolicyKey key) {
    return lenses
        .state(key, view.name())
        .filter(state -> state.phase() != DataCenterPhase.Pending)
        .map(state -> state.consecutiveSuccesses() > 0 && view.reachable())
        .filter(reachable -> reachable != view.reachable())
        .map(
            reachable ->
                new DataCenterView(
                    view.name(),
                    view.phase(),
                    view.phaseSince(),
                    view.p50Latency(),
                    view.hasSpareCapacity(),
                    reachable))
        .orElse(view);
  }

  private Optional<HealthVerdict> detectionVerdict(
      PolicyKey key,
      DataCenter dataCenter,
      ProbeSettings probes,
      Detection detection,
      Instant now) {
    String name = dataCenter.getMetadata().getName();
    var thresholds = PolicyDetection.forApiServer(probes, detection);
    if (thresholds.isEmpty()) {
      lenses.forget(key, name);
      return Optional.empty();
    }
    lenses.ensure(key, name, thresholds.get(), DataCenterStatusMapper.seed(dataCenter, now));
    return lenses.state(key, name).map(PolicyHealth::verdict);
  }

  private record EndpointLook(
      Optional<HealthVerdict> verdict, Optional<WorkloadEndpointHealth> entry) {
    static EndpointLook none() {
      return new EndpointLook(Optional.empty(), Optional.empty());
    }
  }

  private EndpointLook lookAtEndpoint(
      PolicyKey key,
      DataCenterView view,
      EndpointTarget target,
      ProbeSettings settings,
      boolean serves,
      boolean available,
      boolean vouchedFor,
      WorkloadEndpointHealth stored,
      Instant now) {
    String name = view.name();
    String loop = key.in(name);
    if (vouchedFor) {
      kept.remove(loop);
    }
    Optional<HealthState> running = endpoints.state(key, name);
    // Start probing once the workload is Available there; once started, keep probing while it
    // serves, so a workload that stops answering is seen whatever Kubernetes says of it.
    if (serves && view.reachable() && (running.isPresent() || available)) {
      HealthVerdict before = kept.remove(loop);
      HealthState seed =
          before != null
              ? EndpointEntries.seedFromKept(before)
              : vouchedFor ? HealthState.initial(now) : EndpointEntries.seed(stored, now);
      endpoints.ensure(key, name, target, settings, seed, !vouchedFor && answered(stored));
      HealthState state = endpoints.state(key, name).orElseThrow();
      boolean answered = endpoints.hasAnswered(key, name);
      return new EndpointLook(
          answered ? Optional.of(verdict(state)) : Optional.empty(),
          Optional.of(EndpointEntries.probing(name, state, answered)));
    }
    endpoints.stop(key, name, false);
    running
        .filter(state -> EndpointEntries.isBad(state.phase()))
        .filter(state -> endpoints.hasAnswered(key, name) && dataCenterFine(view))
        .ifPresent(state -> kept.put(loop, verdict(state)));
    return Optional.ofNullable(kept.get(loop))
        .map(
            verdict ->
                new EndpointLook(
                    Optional.of(verdict), Optional.of(EndpointEntries.kept(name, verdict))))
        .orElseGet(EndpointLook::none);
  }

  /**
   * Only a failing endpoint in a data center that is itself fine is the workload's own problem; a
   * data center in trouble explains it, and its recovery is judged on its own.
   */
  private static boolean dataCenterFine(DataCenterView view) {
    return view.phase() == DataCenterPhase.Healthy || view.phase() == DataCenterPhase.Degraded;
  }

  private static boolean answered(WorkloadEndpointHealth stored) {
    return stored != null && Boolean.TRUE.equals(stored.getAnswered());
  }

  private static boolean available(WorkloadObservation workload) {
    return workload != null && workload.available();
  }

  private void forgetOtherDataCenters(PolicyKey key, List<DataCenterView> base) {
    Set<String> listed = base.stream().map(DataCenterView::name).collect(Collectors.toSet());
    for (String loop : endpoints.keys()) {
      if (PolicyKey.ofLoop(loop).equals(key) && !listed.contains(PolicyKey.dataCenterOf(loop))) {
        endpoints.stop(key, PolicyKey.dataCenterOf(loop), true);
        kept.remove(loop);
      }
    }
    for (String loop : lenses.keys()) {
      if (PolicyKey.ofLoop(loop).equals(key) && !listed.contains(PolicyKey.dataCenterOf(loop))) {
        lenses.forget(key, PolicyKey.dataCenterOf(loop));
      }
    }
  }

  private static Map<String, WorkloadEndpointHealth> storedEndpoints(FailoverPolicyStatus status) {
    if (status == null || status.getWorkloadEndpoints() == null) {
      return Map.of();
    }
    return status.getWorkloadEndpoints().stream()
        .filter(entry -> entry.getDataCenter() != null)
        .collect(Collectors.toMap(WorkloadEndpointHealth::getDataCenter, e -> e, (a, b) -> a));
  }

  static URI uri(DataCenter dataCenter, HealthEndpoint endpoint) {
    String scheme = endpoint.getScheme() == HttpScheme.HTTPS ? "https" : "http";
    String path = endpoint.getPath() == null ? "/healthz" : endpoint.getPath();
    return URI.create(
        scheme
            + "://"
            + dataCenter.getSpec().getIngressAddress()
            + ":"
            + endpoint.getPort()
            + path);
  }

  private static HealthVerdict verdict(HealthState state) {
    return new HealthVerdict(state.phase(), state.phaseSince());
  }

  @Override
  public void close() {
    endpoints.close();
  }
}
