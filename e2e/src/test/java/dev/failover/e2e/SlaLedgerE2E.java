package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntime;
import dev.failover.api.v1alpha1.failoverpolicy.SlaLedgerStatus;
import dev.failover.api.v1alpha1.failoverpolicy.SlaServiceState;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.sla.SlaPeriods;
import dev.failover.operator.sla.SlaReports;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA ledger on the real testbed: Toronto, where a policy runs, is stopped; the downtime the
 * ledger records runs from the blackout to the failover's completion in Chicago, within a probe and
 * a reconcile; the monthly report ConfigMap lists it; and a restarted operator carries on with the
 * ledger it persisted in the status, losing nothing.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaLedgerE2E {
  private static final Logger log = LoggerFactory.getLogger(SlaLedgerE2E.class);
  private static final String NAMESPACE = "e2e-sla";
  private static final String TORONTO = "toronto";
  private static final Duration SETTLE = Duration.ofSeconds(60);

  /**
   * How late the ledger may notice a change: a probe (500 ms, timing out after 500 ms), the
   * DataCenter status write, and the policy's reconcile on a busy 2-core machine.
   */
  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(3);

  private FailoverWorld world;
  private OperatorProcess operator;
  private final PolicyDraft policy =
      PolicyDraft.of(NAMESPACE, "ledger").withStandby(StandbyMode.Hot).withManualFailback();

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator = world.operator();
  }

  @AfterAll
  void removeThePolicyAndStopTheOperator() {
    try {
      if (world != null) {
        policy.deleteFrom(world);
      }
    } finally {
      if (world != null) {
        world.close();
      }
    }
  }

  @Test
  void aBlackoutIsRecordedReportedAndSurvivesAnOperatorRestart() {
    BlackoutChecks.awaitAllHealthy(world);
    policy.applyTo(world);
    FailoverPolicyStatus serving =
        awaitStatus(
            "serving from toronto with the ledger started",
            s ->
                TORONTO.equals(s.getActiveDataCenter())
                    && s.getSla() != null
                    && s.getSla().getHeartbeatState() == SlaServiceState.Up);
    assertThat(serving.getSla().getDowntime()).isEmpty();

    DataCenterCluster toronto = world.dataCenter(TORONTO);
    Instant blackoutAt = Instant.now();
    toronto.stop();
    FailoverPolicyStatus recovered;
    try {
      recovered =
          awaitStatus(
              "served from chicago again, with the outage closed in the ledger",
              s ->
                  s.getLastFailover() != null
                      && s.getLastFailover().getCompletedAt() != null
                      && s.getSla().getHeartbeatState() == SlaServiceState.Up
                      && !s.getSla().getDowntime().isEmpty()
                      && s.getSla().getDowntime().stream().allMatch(d -> d.getEnd() != null));
    } finally {
      toronto.start();
    }

    FailoverRecord failover = recovered.getLastFailover();
    List<SlaDowntime> downtime = recovered.getSla().getDowntime();
    Instant firstDown = Instant.parse(downtime.get(0).getStart());
    Instant backUp = Instant.parse(downtime.get(downtime.size() - 1).getEnd());
    Instant completed = Instant.parse(failover.getCompletedAt());
    assertThat(firstDown)
        .as("the outage starts with the blackout")
        .isBetween(blackoutAt, blackoutAt.plus(NOTICED_WITHIN));
    assertThat(backUp)
        .as("the outage ends when Chicago serves and DNS points there (%s)", completed)
        .isBetween(completed.minus(NOTICED_WITHIN), completed.plus(NOTICED_WITHIN));
    long recordedMillis =
        downtime.stream()
            .mapToLong(
                d ->
                    Duration.between(Instant.parse(d.getStart()), Instant.parse(d.getEnd()))
                        .toMillis())
            .sum();
    log.info(
        "blackout at {}, failover completed at {} ({} ms); the ledger recorded {} ms from {} to {}",
        blackoutAt,
        completed,
        Duration.between(blackoutAt, completed).toMillis(),
        recordedMillis,
        firstDown,
        backUp);
    assertThat(recordedMillis)
        .as("the ledger's downtime against the blackout's measured length")
        .isCloseTo(
            Duration.between(blackoutAt, completed).toMillis(),
            org.assertj.core.data.Offset.offset(NOTICED_WITHIN.toMillis()));
    assertThat(recovered.getAvailability().getMonthToDatePercent()).isLessThan(100.0);

    String month = SlaPeriods.monthOf(Instant.now()).toString();
    ConfigMap report =
        await()
            .atMost(SETTLE)
            .until(
                () ->
                    world
                        .hub()
                        .configMaps()
                        .inNamespace(NAMESPACE)
                        .withName(SlaReports.name(policy.name(), month))
                        .get(),
                found -> found != null && found.getData().get(SlaReports.KEY).contains("| down |"));
    FailoverPolicy stored = policyResource();
    assertThat(report.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(stored.getMetadata().getUid()));
    assertThat(report.getData().get(SlaReports.KEY))
        .startsWith("# SLA report: " + NAMESPACE + "/" + policy.name() + ", " + month)
        .contains("(toronto → chicago)");
    assertThat(operator.metrics())
        .contains("failover_availability_ratio{namespace=\"" + NAMESPACE + "\",policy=\"ledger\"}")
        .contains("failover_error_budget_remaining_seconds{namespace=\"" + NAMESPACE + "\"");

    SlaLedgerStatus beforeRestart = policyResource().getStatus().getSla();
    Instant restartedAt = Instant.now();
    operator.restart();
    FailoverPolicyStatus afterRestart =
        awaitStatus(
            "the ledger's heartbeat kept by the restarted operator",
            s -> Instant.parse(s.getSla().getHeartbeat()).isAfter(restartedAt));
    assertThat(afterRestart.getSla().getSince()).isEqualTo(beforeRestart.getSince());
    assertThat(afterRestart.getSla().getDowntime())
        .as("the restarted operator keeps the outage it did not see, and adds none")
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(beforeRestart.getDowntime());
  }

  private FailoverPolicy policyResource() {
    return world
        .hub()
        .resources(FailoverPolicy.class)
        .inNamespace(NAMESPACE)
        .withName(policy.name())
        .get();
  }

  private FailoverPolicyStatus awaitStatus(
      String what, java.util.function.Predicate<FailoverPolicyStatus> condition) {
    return await(what)
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              FailoverPolicy found = policyResource();
              return found == null ? null : found.getStatus();
            },
            status -> status != null && status.getSla() != null && condition.test(status));
  }
}
