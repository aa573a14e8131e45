package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreReportTest {
  @Test
  void aPassedRunListsEachFaultTheDrillAndTheBackup() {
    ChaosRestoreTestStatus status = new ChaosRestoreTestStatus();
    status.setPhase(ChaosTestPhase.Passed);
    status.setPromoted(true);
    status.setSeed(42L);
    status.setFaults(
        List.of(
            fault(FaultKind.DeletePod, "Pod/web-abc", 1.25, FaultVerdict.Recovered),
            fault(FaultKind.DeleteService, "Service/web", 0.5, FaultVerdict.Recovered)));
    status.setDrillFailoverPassed(true);
    status.setDrillDataCenter("chicago");
    BackupRecord backup = new BackupRecord();
    backup.setReference("Secret/shop/t-backup-1");
    backup.setObjects(3);
    status.setBackup(backup);

    String report = RestoreReport.of("shop/t", "toronto", "crm", status);

    assertThat(report)
        .startsWith(
            "Restore test shop/t of data center toronto for policy crm: Passed, promoted (seed 42)")
        .contains("1. DeletePod")
        .contains("Pod/web-abc")
        .contains("recovered in 1.3s Recovered")
        .contains("2. DeleteService")
        .contains("drill failover to chicago and back: passed")
        .contains("backup: Secret/shop/t-backup-1 (3 objects)");
  }

  @Test
  void aFailedRunSaysWhichFaultWasNotRecoveredAndWhy() {
    ChaosRestoreTestStatus status = new ChaosRestoreTestStatus();
    status.setPhase(ChaosTestPhase.Failed);
    status.setPromoted(false);
    status.setSeed(7L);
    status.setFaults(
        List.of(fault(FaultKind.DeletePod, "Pod/web-x", null, FaultVerdict.NotRecovered)));
    status.setMessage("fault 1 (DeletePod Pod/web-x) was not recovered from");

    String report = RestoreReport.of("shop/t", "toronto", "crm", status);

    assertThat(report)
        .contains("Failed, not promoted (seed 7)")
        .contains("not recovered NotRecovered")
        .endsWith("fault 1 (DeletePod Pod/web-x) was not recovered from")
        .doesNotContain("drill")
        .doesNotContain("backup");
  }

  private static FaultRecord fault(
      FaultKind kind, String target, Double seconds, FaultVerdict verdict) {
    FaultRecord record = new FaultRecord();
    record.setKind(kind);
    record.setTarget(target);
    record.setRecoverySeconds(seconds);
    record.setVerdict(verdict);
    return record;
  }
}
