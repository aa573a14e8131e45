package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Manual control through {@code spec.action}: each action id is carried out once; FailoverTo moves
 * the workload and Failback returns it to the primary; an action that cannot be honoured is
 * rejected with an Event and moves nothing; and with Manual failback, the workload waits in the
 * secondary after a blackout until a person asks for the failback. Warm standby throughout, so
 * where the workload runs shows in the replica counts.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManualActionsE2E {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.plans());
    operator = world.operator();
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  /** Tests that cut a data center reconnect it; this waits until it has recovered. */
  @BeforeEach
  void everyDataCenterIsHealthy() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  @Test
  void failoverToAndFailbackAreCarriedOutOncePerId() {
    // Automatic failback, to show that it leaves a manual failover alone.
    PolicyDraft draft =
        PolicyDraft.of("manual-e2e", "shop")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback("1s");
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);

      policy.apply(draft.withFailoverTo("a1", "washington"));
      FailoverPolicyStatus moved = policy.awaitMovedTo("washington", "ManualFailover", SETTLE);
      assertThat(moved.getLastFailover().getFrom()).isEqualTo("toronto");
      assertThat(moved.getLastHandledActionId()).isEqualTo("a1");
      policy
          .events()
          .await("FailoverStarted", "Manual failover from toronto to washington", SETTLE);
      policy.awaitServingOnlyIn("washington", SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.3");

      // The same id again, even pointing elsewhere, is not a new action.
      long generation =
          policy.apply(draft.withFailoverTo("a1", "chicago")).getMetadata().getGeneration();
      policy.awaitObservedGeneration(generation, SETTLE);
      FailoverPolicyStatus unchanged = policy.staysIn("washington", Duration.ofSeconds(4));
      assertThat(unchanged.getLastHandledActionId()).isEqualTo("a1");
      assertThat(unchanged.getHistory()).hasSize(1);
      assertThat(policy.events().count("ActionRejected")).as(policy.events().describe()).isZero();
      assertThat(policy.events().count("FailbackStarted"))
          .as("a manual failover is not undone automatically, although toronto is Healthy")
          .isZero();

      policy.apply(draft.withFailback("a2"));
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "ManualFailback", SETTLE);
      assertThat(back.getLastFailover().getFrom()).isEqualTo("washington");
      assertThat(back.getLastHandledActionId()).isEqualTo("a2");
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("ManualFailback", "ManualFailover");
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getActionId)
          .containsExactly("a2", "a1");
      policy.awaitServingOnlyIn("toronto", SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");

      // A GitOps revert brings back the first action: it was handled before, so nothing moves.
      long reverted =
          policy.apply(draft.withFailoverTo("a1", "washington")).getMetadata().getGeneration();
      policy.awaitObservedGeneration(reverted, SETTLE);
      FailoverPolicyStatus stillHome = policy.staysIn("toronto", Duration.ofSeconds(3));
      assertThat(stillHome.getHistory()).hasSize(2);
      assertThat(stillHome.getEarlierHandledActionIds()).containsExactly("a1");
    }
  }

  @Test
  void failoverToAnUnreachableDataCenterIsRejectedAndMovesNothing() {
    PolicyDraft draft = PolicyDraft.of("manual-rejected-e2e", "shop").withStandby(StandbyMode.Warm);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      DataCenterCluster washington = world.dataCenter("washington");
      washington.cut();
      try {
        world.awaitDataCenterPhase("washington", DataCenterPhase.Unreachable, SETTLE);

        policy.apply(draft.withFailoverTo("a3", "washington"));
        Event rejected =
            policy.events().await("ActionRejected", "FailoverTo washington rejected", SETTLE);
        assertThat(rejected.getMessage()).contains("washington is unreachable");
        assertThat(rejected.getType()).isEqualTo("Warning");
        policy.await(
            "done with action a3", status -> "a3".equals(status.getLastHandledActionId()), SETTLE);

        FailoverPolicyStatus stayed = policy.staysIn("toronto", Duration.ofSeconds(3));
        assertThat(stayed.getHistory()).isEmpty();
        assertThat(policy.events().count("FailoverStarted")).isZero();
        assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");
      } finally {
        washington.uncut();
      }
    }
  }

  @Test
  void withManualFailbackTheWorkloadWaitsInTheSecondaryForAFailbackAction() {
    PolicyDraft draft =
        PolicyDraft.of("manual-failback-e2e", "shop")
            .withStandby(StandbyMode.Warm)
            .withManualFailback();
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      DataCenterCluster toronto = world.dataCenter("toronto");
      toronto.cut();
      try {
        policy.awaitMovedTo("chicago", "Blackout", SETTLE);
      } finally {
        toronto.uncut();
      }

      world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
      // Toronto was fenced on its return, and the workload stays where the blackout sent it.
      policy.awaitServingOnlyIn("chicago", SETTLE);
      FailoverPolicyStatus waiting = policy.staysIn("chicago", Duration.ofSeconds(6));
      assertThat(waiting.getAwaitingFence()).isEmpty();
      assertThat(policy.events().count("FailbackStarted")).isZero();

      policy.apply(draft.withFailback("m1"));
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "ManualFailback", SETTLE);
      assertThat(back.getLastFailover().getFrom()).isEqualTo("chicago");
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("ManualFailback", "Blackout");
      policy.awaitServingOnlyIn("toronto", SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");
    }
  }

  /**
   * Bad input loses nothing: a second policy that declares the first one's Deployment is blocked
   * with a condition naming the first, applies nothing and publishes no DNS record, while the first
   * keeps running undisturbed.
   */
  @Test
  void aSecondPolicyDeclaringTheSameDeploymentIsBlockedAndTouchesNothing() {
    PolicyDraft draft = PolicyDraft.of("conflict-e2e", "first").withStandby(StandbyMode.Warm);
    try (PolicyUnderTest first = PolicyUnderTest.apply(world, operator, draft)) {
      first.awaitActiveIn("toronto", SETTLE);

      FailoverPolicy copy = draft.build();
      copy.getMetadata().setName("second");
      world.apply(copy);
      PolicyWatch second = new PolicyWatch(world, draft.namespace(), "second");
      try {
        FailoverPolicyStatus blocked =
            second.await(
                "blocked by a manifest conflict",
                status ->
                    status.getConditions().stream()
                        .anyMatch(
                            c ->
                                "Ready".equals(c.getType())
                                    && "ManifestConflict".equals(c.getReason())),
                SETTLE);
        assertThat(blocked.getConditions())
            .filteredOn(c -> "Ready".equals(c.getType()))
            .singleElement()
            .satisfies(
                ready -> {
                  assertThat(ready.getStatus()).isEqualTo("False");
                  assertThat(ready.getMessage())
                      .contains("Deployment conflict-e2e/" + draft.deployment())
                      .contains("policy conflict-e2e/first");
                });
        assertThat(blocked.getActiveDataCenter()).isNull();
        assertThat(second.dnsTargets()).isEmpty();

        FailoverPolicyStatus undisturbed = first.staysIn("toronto", Duration.ofSeconds(3));
        assertThat(undisturbed.getHistory()).isEmpty();
        first.awaitServingOnlyIn("toronto", SETTLE);
      } finally {
        world.hub().resource(copy).delete();
      }
    }
  }
}
