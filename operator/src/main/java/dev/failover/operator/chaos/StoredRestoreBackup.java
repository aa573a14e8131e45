package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.backup.PolicyBackups;

/**
 * A restore test's backup through the backup service: the same store, guard and retention as the
 * scheduled backups, so a test never fills the store either, and tenants cannot read the copy.
 */
public final class StoredRestoreBackup implements RestoreBackup {
  private final PolicyBackups backups;

  public StoredRestoreBackup(PolicyBackups backups) {
    this.backups = backups;
  }

  @Override
  public BackupRecord backUp(ChaosRestoreTest test, FailoverPolicy policy, String dataCenter) {
    return backups.takeBackup(policy, dataCenter);
  }
}
