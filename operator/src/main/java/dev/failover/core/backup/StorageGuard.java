package dev.failover.core.backup;

import java.util.List;

/**
 * Whether the backup store may take the next backup. The next backup is expected to be as large as
 * the largest one kept (backups of the same state grow slowly; the largest is the cautious guess),
 * and pruning runs first, so what it frees counts:
 *
 * <ul>
 *   <li><b>Refused</b> when the store, after pruning, plus the next backup would pass {@code
 *       maxStorageUsagePercent}: the backup does not run, and the provider is alerted;
 *   <li><b>Warning</b> when it would stay under the limit but one more backup after it would not:
 *       the alert comes one backup before the refusal, while there is still room to act;
 *   <li><b>Allowed</b> otherwise.
 * </ul>
 *
 * A store whose capacity is unknown (0) refuses: a store that cannot be measured cannot be kept
 * from filling.
 */
public final class StorageGuard {
  private StorageGuard() {}

  public enum Verdict {
    Allowed,
    Warning,
    Refused
  }

  public record Check(Verdict verdict, String message) {}

  public static Check check(
      long usedBytes,
      long capacityBytes,
      List<BackupCopy> kept,
      List<BackupCopy> pruned,
      int maxStorageUsagePercent) {
    long next = kept.stream().mapToLong(BackupCopy::bytes).max().orElse(0);
    long freed = pruned.stream().mapToLong(BackupCopy::bytes).sum();
    return checkSized(usedBytes, capacityBytes, next, freed, maxStorageUsagePercent);
  }

  /**
   * The same rules for a next backup whose size is known (it is read and compressed before it is
   * stored): it, and one more of its size, against what the store holds once {@code freedBytes} are
   * pruned.
   */
  public static Check checkSized(
      long usedBytes,
      long capacityBytes,
      long nextBytes,
      long freedBytes,
      int maxStorageUsagePercent) {
    if (capacityBytes <= 0) {
      return new Check(
          Verdict.Refused, "the backup store's capacity is unknown: no backup runs until it is");
    }
    long after = Math.max(0, usedBytes - freedBytes) + nextBytes;
    long limit = Math.multiplyExact(capacityBytes, (long) maxStorageUsagePercent) / 100;
    String usage =
        percent(after, capacityBytes)
            + " of the store after the next backup (limit "
            + maxStorageUsagePercent
            + "%)";
    if (after > limit) {
      return new Check(
          Verdict.Refused, "the next backup would fill " + usage + ": it does not run");
    }
    if (after + nextBytes > limit) {
      return new Check(
          Verdict.Warning,
          "the backup store nears its limit: "
              + usage
              + "; the backup after it would pass the limit");
    }
    return new Check(Verdict.Allowed, usage);
  }

  private static String percent(long part, long whole) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", part * 100.0 / whole);
  }
}
