package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;

/**
 * Backs up a restored data center's managed state for a policy, before the data center is promoted.
 * The backup service (retention, storage checks, Velero) plugs in here.
 */
public interface RestoreBackup {
  /**
   * Takes the backup; safe to call again for the same test run (it then returns the same backup).
   *
   * @throws RuntimeException when the backup cannot be taken; the test then fails
   */
  BackupRecord backUp(ChaosRestoreTest test, FailoverPolicy policy, String dataCenter);
}
