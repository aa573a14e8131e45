package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brownout with LowestLatency placement, through real latency on the data centers' proxies: the
 * operator's probes see it, a data center whose median latency stays above the threshold for the
 * brownout window turns Degraded, and its workload moves to the Healthy data center with the lowest
 * measured latency, not the next one in the listed order.
 *
 * <p>Chicago carries a little latency (below the threshold) throughout, and Washington carries the
 * same until the test wants it to be the fastest. So Toronto is the lowest-latency data center when
 * the policies are placed, and Chicago, listed before Washington, is the one Priority placement
 * would pick.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrownoutFailoverE2E {
  private static final int THRESHOLD_MS = 200;

  /** Well below the threshold and below its 80% recovery band: Healthy, but slower. */
  private static final Duration A_LITTLE = Duration.ofMillis(100);

  /** Twice the threshold: a brownout, well inside the 1s probe timeout (not a blackout). */
  private static final Duration A_LOT = Duration.ofMillis(400);

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world =
        FailoverWorld.start(
            testbed,
            FastProbes.plans(
                probe -> {
                  probe.setFailureThreshold(3);
                  probe.setBrownoutLatencyThresholdMs(THRESHOLD_MS);
                  probe.setBrownoutWindow("4s");
                }));
    operator = world.operator();
    // Slowed only once connected: through 100ms, the first probe's TLS handshake alone takes
    // over 200ms, and a brownout window that starts with it can be a brownout.
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    world.dataCenter("chicago").slow(A_LITTLE);
    world.dataCenter("washington").slow(A_LITTLE);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      for (DataCenterPlan plan : world.plans()) {
        world.dataCenter(plan.name()).unslow();
      }
      world.close();
    }
  }

  @BeforeEach
  void torontoIsTheFastest() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    awaitLatencies(
        "toronto measured faster than chicago and washington",
        p50 -> p50.get("toronto") + 50 < Math.min(p50.get("chicago"), p50.get("washington")));
  }

  /**
   * The core's rule: a LowestLatency placement chose its data center on purpose and is never undone
   * automatically, even with Automatic failback and a Healthy primary.
   */
  @Test
  @Order(1)
  void aLowestLatencyPlacementOutsideThePrimaryIsNotFailedBack() {
    PolicyDraft draft =
        PolicyDraft.of("brownout-placement-e2e", "nearest")
            .withPlacement(PlacementStrategy.LowestLatency, "chicago", "toronto", "washington")
            .withAutomaticFailback("1s");
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      FailoverPolicyStatus placed = policy.awaitActiveIn("toronto", SETTLE);
      assertThat(placed.getActiveReason()).isEqualTo("InitialPlacement");
      assertThat(world.dataCenterResource("chicago").getStatus().getPhase())
          .as("the primary, chicago, is Healthy: failback would be possible")
          .isEqualTo(DataCenterPhase.Healthy);

      // A new generation makes the operator decide again, long after chicago's stabilization.
      long generation =
          policy.apply(draft.withAutomaticFailback("2s")).getMetadata().getGeneration();
      policy.awaitObservedGeneration(generation, SETTLE);
      policy.staysIn("toronto", Duration.ofSeconds(3));

      assertThat(policy.events().count("FailbackStarted")).as(policy.events().describe()).isZero();
      assertThat(policy.status().getHistory()).isEmpty();
    }
  }

  /**
   * Toronto slows far beyond the threshold: it turns Degraded and the workload moves to Washington,
   * the lowest-latency Healthy data center, although Chicago comes first in the listed order. Once
   * the latency is gone, Toronto is Healthy again after a calm window and, as the core documents
   * for a brownout failover, Automatic failback returns the workload to the primary.
   */
  @Test
  @Order(2)
  void aBrownoutMovesToTheLowestLatencyHealthyDataCenterAndFailsBackWhenItEnds() {
    PolicyDraft draft =
        PolicyDraft.of("brownout-e2e", "shop")
            .withPlacement(PlacementStrategy.LowestLatency, "toronto", "chicago", "washington")
            .withAutomaticFailback("3s");
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);

      world.dataCenter("washington").unslow();
      awaitLatencies(
          "washington measured faster than chicago",
          p50 -> p50.get("washington") + 50 < p50.get("chicago"));

      world.dataCenter("toronto").slow(A_LOT);
      try {
        DataCenter degraded =
            world.awaitDataCenterPhase("toronto", DataCenterPhase.Degraded, SETTLE);
        assertThat(degraded.getStatus().getMessage()).contains("p50 latency");

        FailoverPolicyStatus moved = policy.awaitMovedTo("washington", "Brownout", SETTLE);

        FailoverRecord failover = moved.getLastFailover();
        assertThat(failover.getFrom()).isEqualTo("toronto");
        assertThat(moved.getHistory())
            .as("never sent to chicago, the next in listed order")
            .extracting(FailoverRecord::getTo)
            .containsExactly("washington");
        assertThat(world.dataCenterResource("chicago").getStatus().getPhase())
            .as("chicago was a Healthy alternative all along")
            .isEqualTo(DataCenterPhase.Healthy);
        assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.3");
        assertThat(policy.events().count("FailoverCompleted")).isEqualTo(1);
        assertThat(world.dataCenterResource("toronto").getStatus().getPhase())
            .as("no failback while the brownout lasts")
            .isEqualTo(DataCenterPhase.Degraded);
      } finally {
        world.dataCenter("toronto").unslow();
      }

      world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      assertThat(back.getLastFailover().getFrom()).isEqualTo("washington");
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("AutomaticFailback", "Brownout");
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");
      assertThat(policy.events().count("FailbackCompleted")).isEqualTo(1);
    } finally {
      world.dataCenter("washington").slow(A_LITTLE);
    }
  }

  /** Waits until the p50 latencies the data centers report in status satisfy the condition. */
  private void awaitLatencies(String what, Predicate<Map<String, Double>> condition) {
    Instant deadline = Instant.now().plus(SETTLE);
    Map<String, Double> p50 = latencies();
    while (!(p50.size() == world.plans().size() && condition.test(p50))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "not "
                + what
                + " within "
                + SETTLE
                + "; p50 in ms: "
                + p50
                + "\n"
                + operator.logTail(80));
      }
      Sleep.of(Duration.ofMillis(250));
      p50 = latencies();
    }
  }

  private Map<String, Double> latencies() {
    Map<String, Double> p50 = new LinkedHashMap<>();
    for (String name : List.of("toronto", "chicago", "washington")) {
      Optional.ofNullable(world.dataCenterResource(name))
          .map(DataCenter::getStatus)
          .map(status -> status.getLatency())
          .map(latency -> latency.getP50Ms())
          .ifPresent(value -> p50.put(name, value));
    }
    return p50;
  }
}
