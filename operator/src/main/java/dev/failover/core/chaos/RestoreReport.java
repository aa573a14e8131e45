package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import java.util.List;
import java.util.Locale;

/**
 * A run's result as a few lines for people: the outcome, each fault with its recovery time and
 * verdict, the drill and the backup. Written to status.report and to the result's Event. Pure.
 */
public final class RestoreReport {
  private RestoreReport() {}

  public static String of(
      String test, String dataCenter, String policy, ChaosRestoreTestStatus status) {
    StringBuilder report = new StringBuilder();
    report
        .append("Restore test ")
        .append(test)
        .append(" of data center ")
        .append(dataCenter)
        .append(" for policy ")
        .append(policy)
        .append(": ")
        .append(status.getPhase())
        .append(Boolean.TRUE.equals(status.getPromoted()) ? ", promoted" : ", not promoted")
        .append(" (seed ")
        .append(status.getSeed())
        .append(")\n");
    List<FaultRecord> faults = status.getFaults() == null ? List.of() : status.getFaults();
    for (int i = 0; i < faults.size(); i++) {
      FaultRecord fault = faults.get(i);
      report
          .append(
              String.format(
                  Locale.ROOT, "  %d. %-15s %-40s ", i + 1, fault.getKind(), target(fault)))
          .append(
              fault.getRecoverySeconds() == null
                  ? "not recovered"
                  : String.format(Locale.ROOT, "recovered in %.1fs", fault.getRecoverySeconds()))
          .append(fault.getVerdict() == null ? "" : " " + fault.getVerdict())
          .append('\n');
    }
    if (status.getDrillFailoverPassed() != null) {
      report
          .append("  drill failover")
          .append(status.getDrillDataCenter() == null ? "" : " to " + status.getDrillDataCenter())
          .append(" and back: ")
          .append(status.getDrillFailoverPassed() ? "passed" : "failed")
          .append('\n');
    }
    if (status.getBackup() != null) {
      report
          .append("  backup: ")
          .append(status.getBackup().getReference())
          .append(" (")
          .append(status.getBackup().getObjects())
          .append(" objects)\n");
    }
    if (status.getMessage() != null && !status.getMessage().isBlank()) {
      report.append("  ").append(status.getMessage()).append('\n');
    }
    return report.toString().stripTrailing();
  }

  private static String target(FaultRecord fault) {
    return fault.getTarget() == null ? "" : fault.getTarget();
  }
}
