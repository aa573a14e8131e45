package dev.failover.operator.backup;

import dev.failover.core.backup.BackupAdmission;
import java.time.Instant;
import java.util.Optional;

/**
 * What one run of a policy's backup service did.
 *
 * @param newest the policy's newest backup in the store after the run (this run's, or an earlier
 *     one); empty when it has none
 * @param copiesKept the policy's backups in the store after the run
 * @param storeUsagePercent how full the whole store is after the run
 * @param veleroBackup the Velero Backup created with this run's backup, if Velero is served there
 * @param message what happened, in words, for status and Events
 */
public record BackupRun(
    Result result,
    Optional<StoredBackup> newest,
    int copiesKept,
    double storeUsagePercent,
    Instant nextDue,
    Optional<String> veleroBackup,
    String message) {

  public enum Result {
    /** Not due yet: nothing was read or written. */
    NotDue,
    /** Stored, and the store has room for the one after. */
    Taken,
    /** Stored, but the one after would pass the limit: the provider is alerted. */
    TakenNearlyFull,
    /** Not stored: it would pass maxStorageUsagePercent, or the capacity is unknown. */
    Refused,
    /** Not stored: larger than one backup may be. */
    TooLarge,
    /** The data center or the store could not be read or written. */
    Failed
  }

  static Result of(BackupAdmission.Outcome outcome) {
    return switch (outcome) {
      case Store -> Result.Taken;
      case StoreWithWarning -> Result.TakenNearlyFull;
      case Refused -> Result.Refused;
      case TooLarge -> Result.TooLarge;
    };
  }

  /** Whether the store has less room than the next backups need (the alert's condition). */
  public boolean storeNearlyFull() {
    return result == Result.TakenNearlyFull || result == Result.Refused;
  }
}
