package dev.failover.core.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a backup whose size is known may be stored, and which older copies go first. The state is
 * read and compressed before this is asked, so the guard judges the real size, not a guess:
 *
 * <ul>
 *   <li>a backup over {@code maxBackupBytes} (what one store entry can hold) is {@link
 *       Outcome#TooLarge}, and nothing is pruned;
 *   <li>otherwise the copies past {@code retainCopies}, counting the new one, are pruned first and
 *       their bytes freed, and the {@link StorageGuard} decides: {@link Outcome#Store}, {@link
 *       Outcome#StoreWithWarning} (the one after would pass the limit) or {@link Outcome#Refused}
 *       (this one would; nothing is pruned either, so a refusal changes nothing).
 * </ul>
 *
 * @param usagePercentAfter how full the store is once the outcome is carried out
 */
public record BackupAdmission(
    Outcome outcome, List<BackupCopy> toPrune, String message, double usagePercentAfter) {

  public enum Outcome {
    Store,
    StoreWithWarning,
    Refused,
    TooLarge
  }

  public BackupAdmission {
    toPrune = List.copyOf(toPrune);
  }

  /** Whether the backup is written. */
  public boolean stores() {
    return outcome == Outcome.Store || outcome == Outcome.StoreWithWarning;
  }

  /**
   * @param copies this policy's copies in the store
   * @param storeUsedBytes what the whole store holds now, measured from it
   */
  public static BackupAdmission admit(
      BackupPlan plan,
      List<BackupCopy> copies,
      long nextBytes,
      Instant now,
      long storeUsedBytes,
      long capacityBytes,
      int maxStorageUsagePercent,
      long maxBackupBytes) {
    double usedNow = percent(storeUsedBytes, capacityBytes);
    if (nextBytes > maxBackupBytes) {
      return new BackupAdmission(
          Outcome.TooLarge,
          List.of(),
          "the managed state is "
              + nextBytes
              + " bytes compressed, over the "
              + maxBackupBytes
              + " bytes one backup may hold: it is not stored",
          usedNow);
    }
    List<BackupCopy> withNext = new ArrayList<>(copies);
    BackupCopy next = new BackupCopy("", now, nextBytes);
    withNext.add(next);
    List<BackupCopy> toPrune =
        plan.toPrune(withNext).stream().filter(copy -> copy != next).toList();
    long freed = toPrune.stream().mapToLong(BackupCopy::bytes).sum();
    StorageGuard.Check check =
        StorageGuard.checkSized(
            storeUsedBytes, capacityBytes, nextBytes, freed, maxStorageUsagePercent);
    return switch (check.verdict()) {
      case Refused -> new BackupAdmission(Outcome.Refused, List.of(), check.message(), usedNow);
      case Warning ->
          new BackupAdmission(
              Outcome.StoreWithWarning,
              toPrune,
              check.message(),
              percent(Math.max(0, storeUsedBytes - freed) + nextBytes, capacityBytes));
      case Allowed ->
          new BackupAdmission(
              Outcome.Store,
              toPrune,
              check.message(),
              percent(Math.max(0, storeUsedBytes - freed) + nextBytes, capacityBytes));
    };
  }

  /** One decimal, as status shows it; 0 for a store of unknown capacity. */
  static double percent(long part, long whole) {
    if (whole <= 0) {
      return 0;
    }
    return Double.parseDouble(String.format(Locale.ROOT, "%.1f", part * 100.0 / whole));
  }
}
