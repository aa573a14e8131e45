package dev.failover.operator.backup;

import dev.failover.core.backup.BackupCopy;
import java.time.Instant;

/**
 * One backup in the store, as its Secret's labels and data say.
 *
 * @param bytes the stored archive's size, measured from the Secret's data
 */
public record StoredBackup(
    String name,
    String policyUid,
    String dataCenter,
    Instant completedAt,
    int objects,
    long bytes) {

  public BackupCopy asCopy() {
    return new BackupCopy(name, completedAt, bytes);
  }
}
