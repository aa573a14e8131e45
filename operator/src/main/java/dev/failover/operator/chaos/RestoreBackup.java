package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;

/**
 * Backs up a restored data center's managed state for a policy, before the data center is promoted.
 * The backup service (retention, storage checks) carries it out ({@link StoredRestoreBackup}).
 */
public interface RestoreBackup {
  /**
   * Takes the backup. A run that resumes after a crash between the backup and its status write
   * takes one more copy, which the store's retention prunes like any other.
   *
   * @throws RuntimeException when the backup cannot be taken; the test then fails
   */
  BackupRecord backUp(ChaosRestoreTest test, FailoverPolicy policy, String dataCenter);
}
