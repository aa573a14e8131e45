package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zscaler's bounded exclusion and the data-center drain: {@code spec.exclusion} on the DataCenter
 * where a policy is active moves the workload out (reason Exclusion) and keeps new work away. With
 * {@code until}, the data center is re-admitted by itself when the time has passed and Automatic
 * failback brings the workload home; without it (a drain), it stays out until the exclusion is
 * removed. Warm standby, so where the workload runs shows in the replica counts too.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusionWindowE2E {
  /** A wait, not a bound: generous, since CI shares 2 cores with other work. */
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private static final String STABILIZATION = "3s";

  private FailoverWorld world;
  private OperatorProcess operator;
  private DataCenterExclusions exclusions;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.plans());
    operator = world.operator();
    exclusions = new DataCenterExclusions(world);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @BeforeEach
  void everyDataCenterIsHealthy() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  @AfterEach
  void readmitToronto() {
    exclusions.clear("toronto");
  }

  @Test
  void aBoundedExclusionMovesTheWorkloadOutAndItReturnsWhenTheExclusionEnds() {
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft("exclusion-e2e"))) {
      policy.awaitActiveIn("toronto", SETTLE);

      // Far enough ahead that the move happens inside the exclusion on any machine; it is
      // shortened once the workload is out.
      exclusions.excludeUntil(
          "toronto", Instant.now().plus(Duration.ofHours(1)), "planned uplink maintenance");
      DataCenter excluded = world.awaitDataCenterPhase("toronto", DataCenterPhase.Excluded, SETTLE);
      assertThat(excluded.getStatus().getMessage()).contains("planned uplink maintenance");

      FailoverPolicyStatus moved = policy.awaitMovedTo("chicago", "Exclusion", SETTLE);
      assertThat(moved.getLastFailover().getFrom()).isEqualTo("toronto");
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.2");
      policy.awaitServingOnlyIn("chicago", SETTLE);

      // The exclusion now ends in a few seconds. Nobody touches the DataCenter after this: the
      // passing of `until` alone re-admits it. RFC 3339 in whole seconds, as it goes into the spec.
      Instant until = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
      exclusions.excludeUntil("toronto", until, "planned uplink maintenance");
      DataCenter readmitted =
          world.awaitDataCenterPhase(
              "toronto",
              DataCenterPhase.Healthy,
              Duration.between(Instant.now(), until).plus(SETTLE));
      Instant readmittedAt = Instant.parse(readmitted.getStatus().getLastTransitionTime());
      assertThat(readmittedAt)
          .as("re-admitted when the exclusion ended, not before")
          .isAfterOrEqualTo(until);
      assertThat(Instant.parse(moved.getLastFailover().getCompletedAt()))
          .as("moved out while the exclusion lasted")
          .isBefore(readmittedAt);
      assertThat(readmitted.getSpec().getExclusion())
          .as("the exclusion is still in the spec")
          .isNotNull();

      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      assertThat(back.getLastFailover().getFrom()).isEqualTo("chicago");
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("AutomaticFailback", "Exclusion");
      assertThat(policy.watch().dnsTargets()).containsExactly("10.0.0.1");
      policy.awaitServingOnlyIn("toronto", SETTLE);
    }
  }

  @Test
  void aDrainMovesTheWorkloadOutAndKeepsItOutUntilTheExclusionIsRemoved() {
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft("drain-e2e"))) {
      policy.awaitActiveIn("toronto", SETTLE);

      exclusions.drain("toronto", "decommissioning the rack");
      world.awaitDataCenterPhase("toronto", DataCenterPhase.Excluded, SETTLE);
      FailoverPolicyStatus moved = policy.awaitMovedTo("chicago", "Exclusion", SETTLE);
      assertThat(moved.getLastFailover().getFrom()).isEqualTo("toronto");
      policy.awaitServingOnlyIn("chicago", SETTLE);

      // The operator has acted on the drain (Toronto Excluded, the workload moved out); now,
      // far longer than the stabilization window, nothing more happens: a drain has no end of
      // its own.
      policy.staysIn("chicago", Duration.ofSeconds(10));
      assertThat(world.dataCenterResource("toronto").getStatus().getPhase())
          .isEqualTo(DataCenterPhase.Excluded);

      exclusions.clear("toronto");
      world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("AutomaticFailback", "Exclusion");
      policy.awaitServingOnlyIn("toronto", SETTLE);
    }
  }

  private static PolicyDraft draft(String namespace) {
    return PolicyDraft.of(namespace, "shop")
        .withStandby(StandbyMode.Warm)
        .withAutomaticFailback(STABILIZATION);
  }
}
