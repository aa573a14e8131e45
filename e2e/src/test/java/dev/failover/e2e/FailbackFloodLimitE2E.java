package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A returning data center is not flooded by failbacks (issue 10): six policies with automatic
 * failback run in Toronto, and the operator allows two failbacks to a data center at once ({@code
 * FAILOVER_MAX_CONCURRENT_FAILBACKS=2}). Toronto is cut: all six fail over to Chicago (failovers
 * are never limited). Toronto returns: all six fail back, and by their history records no more than
 * two failbacks to Toronto were ever under way at the same instant; the others waited in Chicago,
 * each telling its wait once (FailbackDeferred).
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailbackFloodLimitE2E {
  private static final Logger log = LoggerFactory.getLogger(FailbackFloodLimitE2E.class);
  private static final String NAMESPACE = "e2e-failback-flood";
  private static final int POLICIES = 6;
  private static final int LIMIT = 2;
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator =
        world.operator(
            world
                .operatorLaunch()
                .withEnvironment("FAILOVER_MAX_CONCURRENT_FAILBACKS", String.valueOf(LIMIT)));
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void sixFailbacksToAReturningDataCenterRunAtMostTwoAtATime() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    List<PolicyUnderTest> policies = new ArrayList<>();
    try {
      for (int i = 1; i <= POLICIES; i++) {
        policies.add(
            PolicyUnderTest.apply(
                world,
                operator,
                PolicyDraft.of(NAMESPACE, "flood-" + i)
                    .withStandby(StandbyMode.Hot)
                    .withAutomaticFailback("2s")));
      }
      for (PolicyUnderTest policy : policies) {
        policy.awaitActiveIn("toronto", SETTLE);
      }

      DataCenterCluster toronto = world.dataCenter("toronto");
      toronto.cut();
      try {
        for (PolicyUnderTest policy : policies) {
          policy.awaitMovedTo("chicago", "Blackout", SETTLE);
        }
      } finally {
        toronto.uncut();
      }
      for (PolicyUnderTest policy : policies) {
        policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      }

      List<Interval> failbacks = new ArrayList<>();
      for (PolicyUnderTest policy : policies) {
        List<FailoverRecord> back = policy.history("Failback");
        assertThat(back).as("%s fails back once", policy).hasSize(1);
        failbacks.add(Interval.of(policy.toString(), back.get(0)));
      }
      String story =
          failbacks.stream()
              .map(Interval::toString)
              .collect(Collectors.joining("\n  ", "\n  ", ""));
      log.info("failbacks to toronto, at most {} at once:{}", LIMIT, story);
      assertThat(Interval.mostOverlapping(failbacks))
          .as("failbacks to toronto under way at once:" + story)
          .isBetween(1, LIMIT);

      List<Event> deferred = new ArrayList<>();
      for (PolicyUnderTest policy : policies) {
        List<Event> told = policy.events().withReason("FailbackDeferred");
        assertThat(told).as("%s tells its wait at most once", policy).hasSizeLessThanOrEqualTo(1);
        deferred.addAll(told);
      }
      assertThat(deferred)
          .as("six failbacks due at once, two slots: some waited" + story)
          .isNotEmpty()
          .allSatisfy(
              event ->
                  assertThat(event.getMessage())
                      .contains("waits for a slot: 2 of 2 failbacks to toronto in flight"));
      for (PolicyUnderTest policy : policies) {
        assertThat(policy.status().getActiveDataCenter()).isEqualTo("toronto");
      }
    } finally {
      for (PolicyUnderTest policy : policies) {
        policy.close();
      }
    }
  }

  /** A failback from its start until traffic was seen on Toronto, from its history record. */
  private record Interval(String policy, Instant start, Instant end) {
    static Interval of(String policy, FailoverRecord record) {
      String started =
          record.getStartedAt() != null ? record.getStartedAt() : record.getDetectedAt();
      return new Interval(policy, Instant.parse(started), Instant.parse(record.getCompletedAt()));
    }

    /** The most intervals that share an instant: a sweep over starts (+1) and ends (-1). */
    static int mostOverlapping(List<Interval> intervals) {
      record Edge(Instant at, int change) {}
      List<Edge> edges = new ArrayList<>();
      for (Interval interval : intervals) {
        edges.add(new Edge(interval.start(), 1));
        edges.add(new Edge(interval.end(), -1));
      }
      // At equal instants an end comes first: one failback handing its slot to the next is no
      // overlap.
      edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
      int now = 0;
      int most = 0;
      for (Edge edge : edges) {
        now += edge.change();
        most = Math.max(most, now);
      }
      return most;
    }

    @Override
    public String toString() {
      return policy + " " + start + " .. " + end;
    }
  }
}
