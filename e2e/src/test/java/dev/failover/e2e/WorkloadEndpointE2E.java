package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A policy's own view of its data centers: the workload's health endpoint, probed at each data
 * center's ingress address, and the policy's own detection settings. The ingresses are a stand-in
 * HTTP server on 127.0.0.1 that the operator process reaches by the data centers' ingress hostnames
 * (kwok's fake pods serve nothing).
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadEndpointE2E {
  /** A wait, not a bound: generous, since CI shares 2 cores with other work. */
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private static final String TORONTO = IngressStandIn.hostnameOf("toronto");
  private static final String CHICAGO = IngressStandIn.hostnameOf("chicago");
  private static final String WASHINGTON = IngressStandIn.hostnameOf("washington");

  private IngressStandIn ingress;
  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    List<DataCenterPlan> plans = IngressStandIn.fastPlans();
    ingress =
        IngressStandIn.startFor(testbed.layout().processRoot().resolve("ingress-stand-in"), plans);
    world = FailoverWorld.start(testbed, plans);
    operator = ingress.operatorIn(world);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
    if (ingress != null) {
      ingress.close();
    }
  }

  @BeforeEach
  void everythingIsHealthy() {
    List.of(TORONTO, CHICAGO, WASHINGTON).forEach(ingress::recover);
    for (DataCenterPlan plan : world.plans()) {
      world.dataCenter(plan.name()).uncut();
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  /**
   * Toronto's endpoint starts answering 503 while Toronto itself stays Healthy: the workload moves
   * to Chicago and Toronto's copy is scaled to zero at once. Automatic failback does not send it
   * back into the broken endpoint, although Toronto is Healthy; a manual Failback does, and the
   * endpoint is probed there again.
   */
  @Test
  void aFailingEndpointMovesTheWorkloadAndKeepsItAwayUntilAPersonSendsItBack() {
    PolicyDraft draft =
        PolicyDraft.of("endpoint-e2e", "shop")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback("2s")
            .withDetection("{failureThreshold: 2, probeInterval: 500ms}")
            .withHealthEndpoint("{port: %d, path: /healthz}".formatted(ingress.port()));
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      policy.await(
          "toronto's endpoint probed and Healthy",
          status -> endpoint(status, "toronto").map(this::probedHealthy).orElse(false),
          SETTLE);
      assertThat(ingress.requests(TORONTO)).isPositive();
      assertThat(operator.metrics().lines())
          .as("endpoint probe latency on the metrics endpoint")
          .anyMatch(
              line ->
                  line.startsWith("failover_workload_probe_latency_seconds_count{")
                      && line.contains("datacenter=\"toronto\"")
                      && line.contains("namespace=\"endpoint-e2e\"")
                      && line.contains("outcome=\"Succeeded\"")
                      && line.contains("policy=\"shop\""));
      assertThat(ingress.requests(CHICAGO)).as("a Warm standby serves nothing to probe").isZero();

      Instant failedAt = Instant.now();
      ingress.fail(TORONTO);
      FailoverPolicyStatus moved = policy.awaitMovedTo("chicago", "Blackout", SETTLE);
      FailoverRecord failover = moved.getLastFailover();
      assertThat(failover.getFrom()).isEqualTo("toronto");
      // The order of events; how soon endpoint probes detect a failure is the detection settings'
      // arithmetic, not a bound a busy machine should break.
      assertThat(Instant.parse(failover.getDetectedAt()))
          .as("detected after the endpoint failed, before the move completed")
          .isAfterOrEqualTo(failedAt)
          .isBeforeOrEqualTo(Instant.parse(failover.getCompletedAt()));
      assertThat(world.dataCenterResource("toronto").getStatus().getPhase())
          .as("the data center itself was fine all along")
          .isEqualTo(DataCenterPhase.Healthy);
      policy.awaitServingOnlyIn("chicago", SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly(CHICAGO);

      FailoverPolicyStatus kept =
          policy.await(
              "toronto's verdict kept, chicago probed",
              status ->
                  endpoint(status, "toronto")
                          .map(e -> Boolean.FALSE.equals(e.getProbing()))
                          .orElse(false)
                      && endpoint(status, "chicago").map(this::probedHealthy).orElse(false),
              SETTLE);
      WorkloadEndpointHealth toronto = endpoint(kept, "toronto").orElseThrow();
      assertThat(toronto.getPhase()).isEqualTo(DataCenterPhase.Unreachable);
      assertThat(toronto.getMessage()).contains("Failback");

      ingress.recover(TORONTO);
      // The operator is at work after the recovery (it probes Chicago's endpoint again); only
      // then does a quiet spell, far longer than the 2 s stabilization, prove anything.
      int chicagoProbes = ingress.requests(CHICAGO);
      await()
          .atMost(SETTLE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> ingress.requests(CHICAGO) >= chicagoProbes + 2);
      policy.staysIn("chicago", Duration.ofSeconds(6));
      assertThat(policy.events().count("FailbackStarted")).isZero();

      policy.apply(draft.withFailback("back-1"));
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "ManualFailback", SETTLE);
      assertThat(back.getHistory())
          .extracting(FailoverRecord::getReason)
          .containsExactly("ManualFailback", "Blackout");
      policy.await(
          "toronto's endpoint probed and Healthy again",
          status -> endpoint(status, "toronto").map(this::probedHealthy).orElse(false),
          SETTLE);
      assertThat(policy.watch().dnsTargets()).containsExactly(TORONTO);
    }
  }

  /**
   * Two policies in Toronto (Warm standby), whose own detection needs 2 failed probes: one policy
   * calls a blackout after 1, the other only after 30. A cut moves the first, ahead of the data
   * center's own verdict, and leaves the second where it is while the cut lasts.
   */
  @Test
  void eachPolicyJudgesTheSameProbesWithItsOwnDetection() {
    PolicyDraft strict =
        PolicyDraft.of("detection-e2e", "strict")
            .withStandby(StandbyMode.Warm)
            .withManualFailback()
            .withDetection("{failureThreshold: 1}");
    PolicyDraft patient =
        PolicyDraft.of("detection-e2e", "patient")
            .withStandby(StandbyMode.Warm)
            .withManualFailback()
            .withDetection("{failureThreshold: 30}");
    try (PolicyUnderTest fast = PolicyUnderTest.apply(world, operator, strict);
        PolicyUnderTest slow = PolicyUnderTest.apply(world, operator, patient)) {
      fast.awaitActiveIn("toronto", SETTLE);
      slow.awaitActiveIn("toronto", SETTLE);

      DataCenterCluster toronto = world.dataCenter("toronto");
      toronto.cut();
      try {
        FailoverPolicyStatus moved = fast.awaitMovedTo("chicago", "Blackout", SETTLE);
        world.awaitDataCenterPhase("toronto", DataCenterPhase.Unreachable, SETTLE);
        Instant dataCenterVerdict =
            Instant.parse(world.dataCenterResource("toronto").getStatus().getLastTransitionTime());
        assertThat(Instant.parse(moved.getLastFailover().getDetectedAt()))
            .as("the strict policy saw the blackout before the data center's own probes called it")
            .isBefore(dataCenterVerdict);
        // The operator has seen the cut (one policy moved, the data center is Unreachable); the
        // patient policy, with the same probes, stays while the cut lasts.
        FailoverPolicyStatus stayed = slow.staysIn("toronto", Duration.ofSeconds(3));
        assertThat(stayed.getHistory()).as("the patient policy never moved").isEmpty();
      } finally {
        toronto.uncut();
      }
      assertThat(slow.events().count("FailoverStarted")).isZero();
      fast.awaitServingOnlyIn("chicago", SETTLE);
      // The fence is carried out after the status naming it is persisted (write-ahead), so the
      // status catches up with the zero replicas on the next decision.
      fast.await(
          "toronto fenced on its return",
          status -> status.getAwaitingFence() == null || status.getAwaitingFence().isEmpty(),
          SETTLE);
      slow.awaitServingOnlyIn("toronto", SETTLE);
    }
  }

  private Optional<WorkloadEndpointHealth> endpoint(
      FailoverPolicyStatus status, String dataCenter) {
    return Optional.ofNullable(status.getWorkloadEndpoints()).orElse(List.of()).stream()
        .filter(entry -> dataCenter.equals(entry.getDataCenter()))
        .findFirst();
  }

  private boolean probedHealthy(WorkloadEndpointHealth entry) {
    return Boolean.TRUE.equals(entry.getProbing()) && entry.getPhase() == DataCenterPhase.Healthy;
  }
}
