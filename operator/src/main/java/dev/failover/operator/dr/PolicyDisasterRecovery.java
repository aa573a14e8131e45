package dev.failover.operator.dr;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecovery;
import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecoveryStatus;
import dev.failover.api.v1alpha1.failoverpolicy.DnsTxtTrigger;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.TriggerRecordMode;
import dev.failover.core.DurationText;
import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.EgressPlan;
import dev.failover.core.dr.PolicyMode;
import dev.failover.core.dr.TriggerPolls;
import dev.failover.core.dr.TriggerState;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.failoverpolicy.BoundedCalls;
import dev.failover.operator.failoverpolicy.CriticalOnlyPosture;
import dev.failover.operator.observability.DisasterRecoveryMetrics;
import dev.failover.operator.status.StatusConditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy's disaster-recovery mode, as one step of its reconcile. {@link #note} (before the
 * failover's decisions) folds the trigger record's newest poll into {@code
 * status.disasterRecovery}, decides the mode from the record and the manual switch, and tells of a
 * switch; the workload's render reads the mode from the status ({@link CriticalOnlyPosture}), so
 * the decisions that follow apply it in every data center. {@link #egress} (after them) puts the
 * egress posture on where the workload is served and takes it off when the mode ends.
 */
public final class PolicyDisasterRecovery {
  private static final Logger log = LoggerFactory.getLogger(PolicyDisasterRecovery.class);

  /** True while the policy is in disaster-recovery mode; the reason says which trigger. */
  public static final String ACTIVE = "DisasterRecoveryActive";

  /** Whether the trigger record could be read and verified at the last poll, and if not, why. */
  public static final String TRIGGER_READABLE = "DisasterRecoveryTriggerReadable";

  private final DnsTriggerPoller poller;
  private final TriggerKeys keys;
  private final DisasterRecoveryMoments moments;
  private final DisasterRecoveryMetrics metrics;
  private final DataCenterConnections connections;
  private final DrEgress egress;
  private final Clock clock;

  /** The poll each policy last folded, so a poll is folded once (a restart folds the newest). */
  private final Map<ResourceID, Long> folded = new ConcurrentHashMap<>();

  /** When each posture put on wants bringing up to date; empty when never. */
  private final Map<EgressSite, Optional<Instant>> egressRefresh = new ConcurrentHashMap<>();

  /** What each posture put on lacks, as its last refresh said. */
  private final Map<EgressSite, List<String>> egressProblems = new ConcurrentHashMap<>();

  public PolicyDisasterRecovery(
      DnsTriggerPoller poller,
      TriggerKeys keys,
      DisasterRecoveryMoments moments,
      DisasterRecoveryMetrics metrics,
      DataCenterConnections connections,
      DrEgress egress,
      Clock clock) {
    this.poller = poller;
    this.keys = keys;
    this.moments = moments;
    this.metrics = metrics;
    this.connections = connections;
    this.egress = egress;
    this.clock = clock;
  }

  /**
   * Brings {@code status.disasterRecovery} up to date.
   *
   * @return whether the mode switched, so every data center's workload must be rendered again
   */
  public boolean note(
      FailoverPolicy policy, FailoverPolicyStatus status, FailoverPolicyStatus stored) {
    DisasterRecovery spec = policy.getSpec().getDisasterRecovery();
    ResourceID id = ResourceID.fromResource(policy);
    DisasterRecoveryStatus dr = status.getDisasterRecovery();
    if (spec == null && dr == null) {
      return false;
    }
    Instant now = clock.instant();
    if (dr == null) {
      dr = new DisasterRecoveryStatus();
      status.setDisasterRecovery(dr);
    }
    PolicyMode previous = persistedMode(dr, now);
    DnsTxtTrigger dns =
        spec == null || spec.getTrigger() == null ? null : spec.getTrigger().getDnsTxt();
    Optional<DrMode> record = Optional.empty();
    if (dns != null) {
      record = Optional.of(pollRecord(policy, id, dns, dr, status, stored, now));
    } else {
      poller.forget(id);
      folded.remove(id);
    }
    boolean manual =
        spec != null
            && spec.getTrigger() != null
            && Boolean.TRUE.equals(spec.getTrigger().getManual());
    PolicyMode mode = PolicyMode.next(previous, manual, record, now);
    boolean on = mode.mode() == DrMode.on;
    dr.setActive(on);
    dr.setSince(mode.since().truncatedTo(ChronoUnit.SECONDS).toString());
    dr.setReason(mode.reason());
    dr.setHeldAtZero(new ArrayList<>(CriticalOnlyPosture.heldAtZero(policy, mode.mode())));
    status.setDisasterRecoveryActive(on);
    StatusConditions.set(status, stored, ACTIVE, on, mode.reason(), mode.message(), now);
    String namespace = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    if (spec == null) {
      metrics.forget(namespace, name);
    } else {
      metrics.mode(namespace, name, on);
    }
    if (!mode.switchedFrom(previous)) {
      return false;
    }
    log.info("{}/{}: disaster-recovery mode {} ({})", namespace, name, mode.mode(), mode.reason());
    metrics.switched(mode.mode().name(), mode.reason());
    moments.switched(policy, mode, status.getActiveDataCenter());
    return true;
  }

  /**
   * Puts the egress posture on in the serving data center while the mode is on, and takes it off
   * wherever it was put once the mode is off. A data center that cannot be reached now is tried
   * again at a later reconcile.
   */
  public void egress(
      FailoverPolicy policy, FailoverPolicyStatus status, Map<String, DataCenter> dataCenters) {
    DisasterRecoveryStatus dr = status.getDisasterRecovery();
    if (dr == null) {
      return;
    }
    List<String> entered = new ArrayList<>(dr.getEgressDataCenters());
    DrMode mode = Boolean.TRUE.equals(dr.getActive()) ? DrMode.on : DrMode.off;
    EgressPlan plan = EgressPlan.of(mode, status.getActiveDataCenter(), entered);
    ResourceID id = ResourceID.fromResource(policy);
    List<String> refresh =
        mode == DrMode.on
            ? entered.stream().filter(dataCenter -> refreshDue(id, dataCenter)).toList()
            : List.of();
    for (String dataCenter : plan.enter()) {
      member(dataCenter, dataCenters)
          .filter(member -> enter(policy, id, dataCenter, member))
          .ifPresent(member -> entered.add(dataCenter));
    }
    // Hostnames' TTLs and the allowlist's refresh interval run out while the mode lasts.
    for (String dataCenter : refresh) {
      member(dataCenter, dataCenters).ifPresent(member -> enter(policy, id, dataCenter, member));
    }
    for (String dataCenter : plan.leave()) {
      member(dataCenter, dataCenters)
          .filter(member -> leave(policy, dataCenter, member))
          .ifPresent(
              member -> {
                entered.remove(dataCenter);
                egressRefresh.remove(new EgressSite(id, dataCenter));
                egressProblems.remove(new EgressSite(id, dataCenter));
              });
    }
    dr.setEgressDataCenters(entered);
    dr.setEgressProblems(
        entered.stream()
            .flatMap(
                dataCenter ->
                    egressProblems.getOrDefault(new EgressSite(id, dataCenter), List.of()).stream()
                        .map(problem -> dataCenter + ": " + problem))
            .limit(DisasterRecoveryStatus.MAX_EGRESS_PROBLEMS)
            .toList());
  }

  /** A restarted operator knows no refresh time: it brings every posture up to date once. */
  private boolean refreshDue(ResourceID id, String dataCenter) {
    Optional<Instant> at = egressRefresh.get(new EgressSite(id, dataCenter));
    return at == null || at.map(due -> !due.isAfter(clock.instant())).orElse(false);
  }

  /** Forgets policies that are gone. */
  public void retainPolicies(Set<ResourceID> policies) {
    poller.retain(policies);
    folded.keySet().retainAll(policies);
    egressRefresh.keySet().removeIf(site -> !policies.contains(site.policy()));
    egressProblems.keySet().removeIf(site -> !policies.contains(site.policy()));
  }

  /** The policy is deleted: its gauge goes. */
  public void forget(String namespace, String name) {
    metrics.forget(namespace, name);
  }

  private DrMode pollRecord(
      FailoverPolicy policy,
      ResourceID id,
      DnsTxtTrigger dns,
      DisasterRecoveryStatus dr,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      Instant now) {
    DnsTriggerPoller.Target target =
        new DnsTriggerPoller.Target(dns.getName(), Optional.ofNullable(dns.getResolver()));
    poller.watch(
        id,
        target,
        DurationText.parse(dns.getPollInterval() == null ? "30s" : dns.getPollInterval()));
    TriggerState state =
        new TriggerState(
            dr.getRecordMode() == TriggerRecordMode.on ? DrMode.on : DrMode.off,
            dr.getRecordSwitchedBy() == null ? null : Instant.parse(dr.getRecordSwitchedBy()));
    Optional<DnsTriggerPoller.Poll> poll =
        poller
            .latest(target)
            .filter(latest -> !Long.valueOf(latest.sequence()).equals(folded.get(id)));
    if (poll.isEmpty()) {
      return state.mode();
    }
    folded.put(id, poll.get().sequence());
    TriggerPolls.Outcome outcome = fold(policy, dns, poll.get(), state, now);
    dr.setLastPoll(poll.get().at().truncatedTo(ChronoUnit.SECONDS).toString());
    dr.setLastPollResult(outcome.reason());
    if (outcome.verifiedSignedAt() != null) {
      dr.setLastVerifiedSignedAt(outcome.verifiedSignedAt().toString());
    }
    if (outcome.switched()) {
      dr.setRecordMode(
          outcome.state().mode() == DrMode.on ? TriggerRecordMode.on : TriggerRecordMode.off);
      dr.setRecordSwitchedBy(outcome.state().switchedBy().toString());
    }
    metrics.polled(outcome.reason());
    StatusConditions.set(
        status,
        stored,
        TRIGGER_READABLE,
        outcome.readable(),
        outcome.reason(),
        outcome.message(),
        now);
    moments.triggerReadability(policy, stored, status);
    return outcome.state().mode();
  }

  /** The poll's answer judged with the policy's key; a key that cannot be read switches nothing. */
  private TriggerPolls.Outcome fold(
      FailoverPolicy policy,
      DnsTxtTrigger dns,
      DnsTriggerPoller.Poll poll,
      TriggerState state,
      Instant now) {
    TriggerKeys.Key key = keys.read(policy.getMetadata().getNamespace(), dns.getHmacSecretRef());
    if (key.value().isEmpty()) {
      return new TriggerPolls.Outcome(
          state,
          false,
          false,
          key.unusable().reason(),
          key.unusable().message() + "; the mode stays " + state.mode(),
          null);
    }
    return TriggerPolls.after(poll.answer(), key.value().get(), dns.getName(), state, now);
  }

  private static PolicyMode persistedMode(DisasterRecoveryStatus dr, Instant now) {
    if (dr.getActive() == null || dr.getSince() == null) {
      return PolicyMode.initial(now);
    }
    return new PolicyMode(
        dr.getActive() ? DrMode.on : DrMode.off,
        Instant.parse(dr.getSince()),
        dr.getReason() == null ? PolicyMode.NORMAL : dr.getReason());
  }

  private Optional<KubernetesClient> member(
      String dataCenter, Map<String, DataCenter> dataCenters) {
    DataCenter known = dataCenters.get(dataCenter);
    return connections
        .client(dataCenter)
        .map(client -> known == null ? client : BoundedCalls.to(client, known));
  }

  private boolean enter(
      FailoverPolicy policy, ResourceID id, String dataCenter, KubernetesClient member) {
    try {
      DrEgress.Entered entered = egress.enter(policy, dataCenter, member);
      EgressSite site = new EgressSite(id, dataCenter);
      egressRefresh.put(site, entered.refreshAt());
      egressProblems.put(site, entered.problems());
      return true;
    } catch (RuntimeException e) {
      failed(policy, "put on", dataCenter, e);
      return false;
    }
  }

  private boolean leave(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    try {
      egress.leave(policy, dataCenter, member);
      return true;
    } catch (RuntimeException e) {
      failed(policy, "take off", dataCenter, e);
      return false;
    }
  }

  private static void failed(
      FailoverPolicy policy, String what, String dataCenter, RuntimeException e) {
    log.warn(
        "{}/{}: could not {} the disaster-recovery egress posture in {} ({}); retrying later",
        policy.getMetadata().getNamespace(),
        policy.getMetadata().getName(),
        what,
        dataCenter,
        e.toString());
  }

  /** One policy's posture in one data center. */
  private record EgressSite(ResourceID policy, String dataCenter) {}
}
