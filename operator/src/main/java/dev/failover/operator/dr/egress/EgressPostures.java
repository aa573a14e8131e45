package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecovery;
import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.DurationText;
import dev.failover.core.dr.egress.EgressDestination;
import dev.failover.core.dr.egress.EgressRules;
import dev.failover.core.dr.egress.HostnameResolution;
import dev.failover.core.dr.egress.ResolvedHostnames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Disaster-recovery mode's egress posture for a policy in one data center: {@link #enter} renders
 * and applies it, {@link #refresh} does the same again once hostnames or the managed list are due
 * (it is the same idempotent step), and {@link #leave} deletes exactly what they added.
 *
 * <p>Observe (Cilium served? API server addresses, the managed list, due hostnames), decide ({@link
 * EgressRules}), act (server-side apply, then delete this policy's posture objects that are no
 * longer wanted: another posture's, or the other kind's after Cilium came or went). A call that
 * cannot reach the data center throws, as the workload applier does; what only allows less (a
 * hostname without an answer, a failed list refresh) is kept going and reported in the {@link
 * EgressStatus}.
 */
public final class EgressPostures {
  private static final Duration DEFAULT_REFRESH = Duration.ofHours(1);

  private final ManagedAllowlist managed;
  private final HostnameResolver resolver;
  private final Clock clock;
  private final Map<String, ResolvedHostnames> resolved = new ConcurrentHashMap<>();

  public EgressPostures(ManagedAllowlist managed, HostnameResolver resolver, Clock clock) {
    this.managed = managed;
    this.resolver = resolver;
    this.clock = clock;
  }

  public EgressStatus enter(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    DisasterRecovery dr = disasterRecovery(policy);
    EgressMode mode = dr.getEgress();
    MemberEgressObjects objects = new MemberEgressObjects(member);
    boolean cilium = objects.servesCilium();
    boolean byName = cilium && mode != EgressMode.FailOpen;
    List<String> problems = new ArrayList<>();
    ManagedListState list = managed.current();
    List<EgressDestination> allowlist =
        mode == EgressMode.ControlledFailOpen ? allowlist(dr, list, objects, problems) : List.of();
    ResolvedHostnames names =
        byName ? ResolvedHostnames.none() : resolve(policy, allowlist, interval(dr));
    EgressRules rules = EgressRules.of(mode, allowlist, names, byName);
    problems.addAll(rules.unmatched());
    names.all().stream()
        .map(HostnameResolution::error)
        .flatMap(Optional::stream)
        .forEach(problems::add);

    List<GenericKubernetesResource> desired =
        byName
            ? CiliumPolicyRendering.render(policy, WorkloadPodSelections.of(policy), rules)
            : NetworkPolicyRendering.render(policy, WorkloadPodSelections.of(policy), rules);
    desired.forEach(objects::apply);
    Set<String> wanted =
        desired.stream()
            .map(object -> key(object.getKind(), object.getMetadata().getName()))
            .collect(Collectors.toSet());
    List<String> removed = prune(policy, objects, cilium, wanted);
    return new EgressStatus(
        dataCenter,
        Optional.of(mode),
        desired.isEmpty()
            ? EgressStatus.NOTHING
            : (byName ? CiliumPolicyRendering.KIND : NetworkPolicyRendering.KIND),
        desired.stream().map(object -> object.getMetadata().getName()).toList(),
        removed,
        names.all(),
        list,
        problems,
        mode == EgressMode.ControlledFailOpen ? nextRefresh(names) : Optional.empty(),
        clock.instant());
  }

  /** The same step as {@link #enter}: only what is due is asked again, and applies are no-ops. */
  public EgressStatus refresh(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    return enter(policy, dataCenter, member);
  }

  /** Deletes every posture object this policy has in the data center, and nothing else. */
  public EgressStatus leave(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    MemberEgressObjects objects = new MemberEgressObjects(member);
    List<String> removed = prune(policy, objects, objects.servesCilium(), Set.of());
    resolved.remove(key(policy));
    return new EgressStatus(
        dataCenter,
        Optional.empty(),
        EgressStatus.NOTHING,
        List.of(),
        removed,
        List.of(),
        managed.current(),
        List.of(),
        Optional.empty(),
        clock.instant());
  }

  private List<EgressDestination> allowlist(
      DisasterRecovery dr,
      ManagedListState list,
      MemberEgressObjects objects,
      List<String> problems) {
    List<EgressDestination> entries = new ArrayList<>();
    for (String entry : Optional.ofNullable(dr.getAllowlist()).orElse(List.of())) {
      try {
        entries.add(EgressDestination.parse(entry));
      } catch (IllegalArgumentException e) {
        problems.add("allowlist: " + e.getMessage());
      }
    }
    if (!Boolean.FALSE.equals(dr.getManagedAllowlist())) {
      entries.addAll(list.entries());
      list.lastError().ifPresent(problems::add);
      try {
        objects.apiServerAddresses().stream().map(EgressDestination::parse).forEach(entries::add);
      } catch (KubernetesClientException | IllegalArgumentException e) {
        problems.add("the data center's API server addresses are unreadable: " + e.getMessage());
      }
    }
    return entries.stream().distinct().toList();
  }

  private ResolvedHostnames resolve(
      FailoverPolicy policy, List<EgressDestination> allowlist, Duration interval) {
    Set<String> hostnames =
        allowlist.stream()
            .flatMap(
                entry ->
                    entry instanceof EgressDestination.Hostname hostname
                        ? Stream.of(hostname.name())
                        : Stream.empty())
            .collect(Collectors.toSet());
    ResolvedHostnames names =
        resolved.getOrDefault(key(policy), ResolvedHostnames.none()).retain(hostnames);
    for (String hostname : names.due(hostnames, clock.instant())) {
      names = names.with(hostname, resolver.resolve(hostname), clock.instant(), interval);
    }
    resolved.put(key(policy), names);
    return names;
  }

  private List<String> prune(
      FailoverPolicy policy, MemberEgressObjects objects, boolean cilium, Set<String> wanted) {
    List<String> removed = new ArrayList<>();
    List<String[]> kinds = new ArrayList<>();
    kinds.add(new String[] {NetworkPolicyRendering.API_VERSION, NetworkPolicyRendering.KIND});
    if (cilium) {
      kinds.add(new String[] {CiliumPolicyRendering.API_VERSION, CiliumPolicyRendering.KIND});
    }
    for (String[] kind : kinds) {
      for (GenericKubernetesResource found : objects.ours(policy, kind[0], kind[1])) {
        String name = found.getMetadata().getName();
        if (!wanted.contains(key(kind[1], name))) {
          objects.delete(policy, kind[0], kind[1], name);
          removed.add(name);
        }
      }
    }
    return removed;
  }

  private Optional<Instant> nextRefresh(ResolvedHostnames names) {
    return Stream.of(names.nextRefresh(), managed.nextRefresh())
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  private static DisasterRecovery disasterRecovery(FailoverPolicy policy) {
    DisasterRecovery dr = policy.getSpec().getDisasterRecovery();
    if (dr == null || dr.getEgress() == null) {
      throw new IllegalArgumentException(
          "policy " + key(policy) + " declares no spec.disasterRecovery.egress");
    }
    return dr;
  }

  private static Duration interval(DisasterRecovery dr) {
    return dr.getAllowlistRefreshInterval() == null
        ? DEFAULT_REFRESH
        : DurationText.parse(dr.getAllowlistRefreshInterval());
  }

  private static String key(FailoverPolicy policy) {
    return policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }
}
