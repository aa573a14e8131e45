package dev.failover.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRunStep;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.core.chaos.RunStart;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreTestStatusesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static final ChaosRestoreTest TEST =
      new KubernetesSerialization()
          .unmarshal(
              """
              apiVersion: failover.dev/v1alpha1
              kind: ChaosRestoreTest
              metadata: {name: toronto-check, namespace: shop, generation: 3}
              spec: {dataCenter: toronto, policyRef: {name: crm}}
              """,
              ChaosRestoreTest.class);

  @Test
  void aNewRunForgetsTheLastOnesResultsButCountsIt() {
    ChaosRestoreTestStatus status = passedRun();
    RestoreTestStatuses.cleanedUp(status, null, true, "removed", NOW);

    RestoreTestStatuses.startRun(
        TEST, status, new RunStart.Start("requested", "again", null), 7L, NOW.plusSeconds(60));

    assertThat(status.getRuns()).isEqualTo(2);
    assertThat(status.getPhase()).isEqualTo(ChaosTestPhase.Running);
    assertThat(status.getStep()).isEqualTo(ChaosRunStep.Preparing);
    assertThat(status.getSeed()).isEqualTo(7L);
    assertThat(status.getPromoted()).as("out of production while it runs").isFalse();
    assertThat(status.getFaults()).isEmpty();
    assertThat(status.getBackup()).isNull();
    assertThat(status.getCompletedAt()).isNull();
    assertThat(status.getRunRequest()).isEqualTo("again");
    assertThat(status.getTestNamespace()).startsWith("crt-");
    assertThat(status.condition(RestoreTestStatuses.CLEANED_UP))
        .as("the new run's namespaces are not removed yet")
        .isEmpty();
    assertThat(status.getMessage()).isEqualTo("run 2 started: requested");
  }

  @Test
  void passingPromotesAndWritesTheReportAndReady() {
    ChaosRestoreTestStatus status = passedRun();
    RestoreTestStatuses.summarize(TEST, status, null, NOW);

    assertThat(status.getPromoted()).isTrue();
    assertThat(status.getStep()).isNull();
    assertThat(status.getCompletedAt()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(status.getReport()).contains("Passed, promoted (seed 42)").contains("DeletePod");
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.condition(ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
  }

  @Test
  void failingKeepsTheDataCenterOutAndSaysWhy() {
    ChaosRestoreTestStatus status = new ChaosRestoreTestStatus();
    RestoreTestStatuses.startRun(TEST, status, new RunStart.Start("created", null, null), 42L, NOW);
    RestoreTestStatuses.fail(TEST, status, "fault 1 (DeletePod web) was not recovered from", NOW);
    RestoreTestStatuses.summarize(TEST, status, null, NOW);

    assertThat(status.getPhase()).isEqualTo(ChaosTestPhase.Failed);
    assertThat(status.getPromoted()).isFalse();
    assertThat(status.getReport()).contains("Failed, not promoted").contains("not recovered");
    assertThat(status.condition(ConditionTypes.READY))
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("Failed");
              assertThat(c.getMessage()).contains("not recovered");
            });
  }

  private static ChaosRestoreTestStatus passedRun() {
    ChaosRestoreTestStatus status = new ChaosRestoreTestStatus();
    status.setConditions(new ArrayList<>());
    RestoreTestStatuses.startRun(TEST, status, new RunStart.Start("created", null, null), 42L, NOW);
    FaultRecord fault = new FaultRecord();
    fault.setKind(FaultKind.DeletePod);
    fault.setTarget("Pod/web-1");
    fault.setRecoverySeconds(1.0);
    status.setFaults(new ArrayList<>(List.of(fault)));
    RestoreTestStatuses.pass(TEST, status, "1 fault(s) recovered from", NOW);
    return status;
  }
}
