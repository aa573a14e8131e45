package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hysteresis against a failover storm (DESIGN §7, "Flapping"): Toronto, where a policy is active,
 * is cut off and reconnected every 5 seconds for a minute. The first cut is a blackout and moves
 * the workload to Chicago; after that, Toronto never stays up long enough to pass its probation, so
 * nothing moves again while it flaps. Once it stops flapping it earns its way back (probation, then
 * the stabilization window) and the workload fails back once. Exactly one data center serves at the
 * end.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlappingDataCenterE2E {
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration FLAP = Duration.ofSeconds(5);
  private static final int CYCLES = 6;

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    // Probation (8s) is longer than a flap's up time (5s): a flapping data center never passes it.
    world = FailoverWorld.start(testbed, FastProbes.plans(probe -> probe.setProbation("8s")));
    operator = world.operator();
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void aDataCenterFlappingForAMinuteCausesOneFailoverAndOneFailback() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    PolicyDraft draft =
        PolicyDraft.of("flapping-e2e", "shop")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback("5s");
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      policy.awaitServingOnlyIn("toronto", SETTLE);

      List<String> activeSeen = new ArrayList<>(List.of("toronto"));
      DataCenterCluster toronto = world.dataCenter("toronto");
      try {
        for (int cycle = 0; cycle < CYCLES; cycle++) {
          toronto.cut();
          watchFor(FLAP, policy, activeSeen);
          toronto.uncut();
          watchFor(FLAP, policy, activeSeen);
        }
      } finally {
        toronto.uncut();
      }

      // While it flapped: one blackout failover, and no failback.
      String story = "Events:\n" + policy.events().describe() + "\nactive seen: " + activeSeen;
      assertThat(activeSeen).as(story).containsExactly("toronto", "chicago");
      List<FailoverRecord> failovers = policy.history("Failover");
      assertThat(failovers).as(story).hasSize(1);
      assertThat(failovers.get(0).getReason()).isEqualTo("Blackout");
      assertThat(failovers.get(0).getFrom()).isEqualTo("toronto");
      assertThat(failovers.get(0).getTo()).isEqualTo("chicago");
      assertThat(policy.history("Failback")).as(story).isEmpty();
      assertThat(policy.events().count("FailoverStarted")).as(story).isEqualTo(1);
      assertThat(policy.events().count("FailoverCompleted")).as(story).isEqualTo(1);
      assertThat(policy.events().count("FailbackStarted")).as(story).isZero();

      // Afterwards: probation, stabilization, then exactly one failback.
      world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("AutomaticFailback", "Blackout");
      assertThat(back.getAwaitingFence()).isEmpty();
      assertThat(policy.events().count("FailoverStarted")).isEqualTo(1);
      assertThat(policy.events().count("FailoverCompleted")).isEqualTo(1);
      assertThat(policy.events().count("FailbackStarted")).isEqualTo(1);
      assertThat(policy.events().count("FailbackCompleted")).isEqualTo(1);
      policy.awaitServingOnlyIn("toronto", SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");
    }
  }

  /** Paces the flapping, noting every change of the policy's active data center meanwhile. */
  private static void watchFor(Duration period, PolicyUnderTest policy, List<String> activeSeen) {
    Instant end = Instant.now().plus(period);
    while (Instant.now().isBefore(end)) {
      String active = policy.status().getActiveDataCenter();
      if (active != null && !Objects.equals(active, activeSeen.get(activeSeen.size() - 1))) {
        activeSeen.add(active);
      }
      Sleep.of(Duration.ofMillis(200));
    }
  }
}
