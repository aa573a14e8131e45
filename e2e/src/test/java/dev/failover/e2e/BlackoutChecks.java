package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.FailoverTimeline.Observed;
import dev.failover.testbed.DataCenterCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the blackout scenarios check, on a {@link FailoverTimeline}: a policy settled in Toronto, a
 * failover to Chicago after Toronto went dark, Toronto fenced on its return before it is
 * re-admitted, and never two data centers taking traffic.
 */
final class BlackoutChecks {
  static final String TORONTO = "toronto";
  static final String CHICAGO = "chicago";
  static final String WASHINGTON = "washington";

  /** Generous: two cores run four clusters, an operator and Maven. */
  static final Duration SETTLE = Duration.ofSeconds(30);

  static final Duration SOON = Duration.ofSeconds(10);

  private final FailoverWorld world;
  private final PolicyDraft policy;
  private final FailoverTimeline timeline;

  BlackoutChecks(FailoverWorld world, PolicyDraft policy, FailoverTimeline timeline) {
    this.world = world;
    this.policy = policy;
    this.timeline = timeline;
  }

  /** Every data center Healthy, so a new policy is placed in its primary. */
  static void awaitAllHealthy(FailoverWorld world) {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  static String ingress(FailoverWorld world, String dataCenter) {
    return world.plans().stream()
        .filter(plan -> plan.name().equals(dataCenter))
        .findFirst()
        .orElseThrow()
        .ingressAddress();
  }

  static boolean settledIn(FailoverPolicyStatus status, String dataCenter) {
    return status.getPhase() == FailoverPhase.Active
        && status.getCurrentStep() == null
        && dataCenter.equals(status.getActiveDataCenter());
  }

  String ingress(String dataCenter) {
    return ingress(world, dataCenter);
  }

  /**
   * The policy Active in Toronto with traffic there and its standbys as its mode wants them: Hot at
   * full size and Available, Warm applied at zero.
   */
  void settledInToronto() {
    FailoverPolicyStatus placed =
        timeline.awaitStatus("active in toronto", s -> settledIn(s, TORONTO), SETTLE).value();
    assertThat(placed.getHistory()).as(timeline.explain("placed in Toronto directly")).isEmpty();
    timeline.awaitDns("at toronto", List.of(ingress(TORONTO))::equals, SETTLE);
    timeline.awaitDeployment(TORONTO, "Available", FailoverTimeline::available, SETTLE);
    for (String standby : List.of(CHICAGO, WASHINGTON)) {
      if (policy.standbyMode() == StandbyMode.Hot) {
        timeline.awaitDeployment(standby, "Available", FailoverTimeline::available, SETTLE);
      } else {
        timeline.awaitDeployment(
            standby, "scaled to zero", d -> FailoverTimeline.replicas(d) == 0, SETTLE);
      }
    }
  }

  /**
   * The policy settled in Chicago after Toronto's blackout, detected after {@code outageAt}: the
   * record, the DNS, the workload and the Events agree. Returns the settled status.
   */
  FailoverPolicyStatus failedOverToChicago(Instant outageAt, long outageSeq, String probeFailure) {
    FailoverPolicyStatus status =
        timeline
            .awaitStatus("active in chicago", outageSeq, s -> settledIn(s, CHICAGO), SETTLE)
            .value();
    Observed<List<String>> switched =
        timeline.awaitDns("at chicago", outageSeq, List.of(ingress(CHICAGO))::equals, SOON);

    FailoverRecord record = status.getLastFailover();
    assertThat(record).as(timeline.explain("lastFailover of " + status)).isNotNull();
    assertThat(record.getType()).isEqualTo(FailoverType.Failover);
    assertThat(record.getFrom()).isEqualTo(TORONTO);
    assertThat(record.getTo()).isEqualTo(CHICAGO);
    assertThat(record.getReason()).isEqualTo("Blackout");
    Instant detectedAt = Instant.parse(record.getDetectedAt());
    Instant completedAt = Instant.parse(record.getCompletedAt());
    assertThat(record.getMeasuredRtoMillis())
        .as("measured RTO = completedAt - detectedAt")
        .isEqualTo(Duration.between(detectedAt, completedAt).toMillis())
        .isPositive();
    assertThat(detectedAt).as("detected after the outage began").isAfterOrEqualTo(outageAt);
    assertThat(status.getHistory())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(record);
    assertThat(status.getAwaitingFence()).as("fence deferred").containsExactly(TORONTO);
    assertThat(status.getDnsTarget()).isEqualTo(ingress(CHICAGO));

    // Detected by the prober: the blackout's start is Toronto's move to Unreachable.
    Observed<DataCenterStatus> unreachable =
        timeline.awaitDataCenter(
            TORONTO,
            "Unreachable",
            outageSeq,
            s -> s.getPhase() == DataCenterPhase.Unreachable,
            SOON);
    assertThat(unreachable.value().getLastTransitionTime())
        .as("the RTO is measured from Toronto's blackout")
        .isEqualTo(record.getDetectedAt());
    assertThat(unreachable.value().getMessage()).contains(probeFailure);

    // Make before break: Chicago was Available before traffic moved there.
    assertThat(lastBefore(timeline.deployment(CHICAGO), switched.seq()))
        .as(timeline.explain("Chicago's Deployment when DNS moved to it"))
        .hasValueSatisfying(d -> assertThat(FailoverTimeline.available(d.value())).isTrue());
    assertThat(FailoverTimeline.available(deployment(CHICAGO)))
        .as("Chicago serves the workload")
        .isTrue();
    if (policy.standbyMode() == StandbyMode.Warm) {
      assertThat(replicaChanges(timeline.deployment(CHICAGO), o -> true))
          .as(timeline.explain("Chicago, a warm standby, is scaled up by the failover"))
          .containsExactly(0, PolicyDraft.REPLICAS);
      assertThat(
              timeline.deployment(CHICAGO).stream()
                  .filter(o -> FailoverTimeline.replicas(o.value()) > 0)
                  .findFirst()
                  .orElseThrow()
                  .seq())
          .as("scaled up only after the outage began")
          .isGreaterThan(outageSeq);
    }
    for (String reason : List.of("FailoverStarted", "FenceDeferred", "FailoverCompleted")) {
      timeline.awaitEvent(reason, outageSeq, SOON);
    }
    System.out.printf(
        "%s/%s: failover %s -> %s, operator-measured RTO %d ms (from detection), %d ms from the"
            + " outage to DNS at Chicago as the test saw it%n",
        policy.namespace(),
        policy.name(),
        record.getFrom(),
        record.getTo(),
        record.getMeasuredRtoMillis(),
        Duration.between(outageAt, switched.receivedAt()).toMillis());
    return status;
  }

  /**
   * Brings Toronto back with {@code bringBack} (a start or a thaw) while its proxy is cut, so the
   * operator cannot reach it before the timeline watches it again; then restores the operator's
   * path. Returns the timeline's mark from before Toronto was seen again.
   */
  long bringTorontoBack(Runnable bringBack) {
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    toronto.cut();
    try {
      bringBack.run();
      long mark = timeline.mark();
      timeline.reconnect(TORONTO);
      timeline.awaitDeployment(TORONTO, "seen again", mark, d -> true, SOON);
      return mark;
    } finally {
      toronto.uncut();
    }
  }

  /**
   * Toronto is back as it was left, serving at full size in its own eyes: the first change to its
   * workload is the fence (zero replicas), and the policy then confirms the fence. Returns the
   * first status settled in Chicago with no fence pending.
   */
  Observed<FailoverPolicyStatus> torontoFencedOnReturn(long seenAgain) {
    timeline.awaitDeployment(
        TORONTO, "scaled to zero", seenAgain, d -> FailoverTimeline.replicas(d) == 0, SETTLE);
    assertThat(replicaChanges(timeline.deployment(TORONTO), o -> o.seq() > seenAgain))
        .as(timeline.explain("Toronto as it came back, then its first change"))
        .startsWith(PolicyDraft.REPLICAS, 0);
    Observed<FailoverPolicyStatus> fenced =
        timeline.awaitStatus(
            "fence confirmed, active in chicago",
            seenAgain,
            s -> settledIn(s, CHICAGO) && s.getAwaitingFence().isEmpty(),
            SETTLE);
    timeline.awaitEvent("Fenced", SOON);
    return fenced;
  }

  /**
   * Until its fence was confirmed, the policy never chose Toronto: no status after {@code
   * returnMark} and before {@code fenced} names it as the target of a move or as the active data
   * center. (The DataCenter itself may be re-admitted as Healthy meanwhile: it serves other
   * policies; this one waits for its fence.)
   */
  void torontoUnusedUntilFenced(Observed<FailoverPolicyStatus> fenced, long returnMark) {
    List<Observed<FailoverPolicyStatus>> statuses = timeline.statuses();
    // The status in force when Toronto returned, and every one after it until the fence: never
    // empty, so the check below always has evidence.
    List<Observed<FailoverPolicyStatus>> untilFenced = new ArrayList<>();
    lastBefore(statuses, returnMark + 1).ifPresent(untilFenced::add);
    statuses.stream()
        .filter(o -> o.seq() > returnMark && o.revision() < fenced.revision())
        .forEach(untilFenced::add);
    assertThat(untilFenced)
        .as(timeline.explain("statuses between Toronto's return and its fence"))
        .isNotEmpty()
        .allSatisfy(
            o -> {
              FailoverPolicyStatus status = o.value();
              assertThat(status.getActiveDataCenter()).isNotEqualTo(TORONTO);
              // Awaiting its fence, or still the data center the move is leaving (it returned
              // before the move recorded the deferred fence).
              boolean beingLeft =
                  status.getInFlight() != null && TORONTO.equals(status.getInFlight().getFrom());
              assertThat(status.getAwaitingFence().contains(TORONTO) || beingLeft)
                  .as("Toronto awaits its fence or is being left: %s", status)
                  .isTrue();
              if (status.getInFlight() != null) {
                assertThat(status.getInFlight().getTo()).isNotEqualTo(TORONTO);
              }
            });
  }

  /**
   * Across everything recorded: the DNS record never names two data centers, status and DNS agree
   * on the active one, and traffic never goes to a data center awaiting its fence.
   */
  void neverTwoActive() {
    List<Observed<List<String>>> records = timeline.dns();
    assertThat(records)
        .as(timeline.explain("every DNS record names one data center"))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.value()).hasSize(1));
    List<Observed<FailoverPolicyStatus>> statuses = timeline.statuses();
    assertThat(statuses)
        .filteredOn(o -> o.value().getActiveDataCenter() != null)
        .as(timeline.explain("status.dnsTarget is the active data center's address"))
        .isNotEmpty()
        .allSatisfy(
            o ->
                assertThat(o.value().getDnsTarget())
                    .isEqualTo(ingress(o.value().getActiveDataCenter())));
    for (Observed<List<String>> record : records) {
      // The status is persisted before traffic moves, so every DNS record has one before it.
      Observed<FailoverPolicyStatus> before =
          statuses.stream()
              .filter(s -> s.revision() < record.revision())
              .reduce((a, b) -> b)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          timeline.explain("no status persisted before DNS " + record.value())));
      assertThat(before.value().getActiveDataCenter())
          .as(timeline.explain("DNS " + record.value() + " at rv " + record.revision()))
          .isNotNull();
      assertThat(record.value())
          .as(timeline.explain("DNS follows the persisted active data center: " + record.value()))
          .containsExactly(ingress(before.value().getActiveDataCenter()));
      assertThat(
              before.value().getAwaitingFence().stream()
                  .map(this::ingress)
                  .filter(record.value()::contains)
                  .toList())
          .as(timeline.explain("DNS " + record.value() + " at rv " + record.revision()))
          .isEmpty();
    }
  }

  Deployment deployment(String dataCenter) {
    return new PolicyWatch(world, policy.namespace(), policy.name())
        .deployment(dataCenter, policy.deployment());
  }

  /** spec.replicas of each change that passes {@code which}, repeated values collapsed. */
  static List<Integer> replicaChanges(
      List<Observed<Deployment>> changes, Predicate<Observed<Deployment>> which) {
    List<Integer> values = new ArrayList<>();
    for (Observed<Deployment> change : changes) {
      if (!which.test(change)) {
        continue;
      }
      int replicas = FailoverTimeline.replicas(change.value());
      if (values.isEmpty() || values.get(values.size() - 1) != replicas) {
        values.add(replicas);
      }
    }
    return values;
  }

  /** The last record that arrived before {@code seq}. */
  static <T> Optional<Observed<T>> lastBefore(List<Observed<T>> records, long seq) {
    return records.stream().filter(o -> o.seq() < seq).reduce((a, b) -> b);
  }
}
