package dev.failover.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When backups run and how many are kept: one every {@code interval} after the last one that
 * completed (at once when there is none), and the newest {@code retainCopies} kept, the older ones
 * pruned, oldest first.
 */
public record BackupPlan(Duration interval, int retainCopies) {
  public BackupPlan {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (retainCopies < 1) {
      throw new IllegalArgumentException("retainCopies must be at least 1");
    }
  }

  /** When the next backup is due: now when none exists, else the newest one plus the interval. */
  public Instant due(List<BackupCopy> copies, Instant now) {
    return newest(copies).map(c -> c.completedAt().plus(interval)).orElse(now);
  }

  /** The copies past {@code retainCopies}, oldest first: what pruning deletes. */
  public List<BackupCopy> toPrune(List<BackupCopy> copies) {
    List<BackupCopy> oldestFirst =
        copies.stream().sorted(Comparator.comparing(BackupCopy::completedAt)).toList();
    return oldestFirst.subList(0, Math.max(0, oldestFirst.size() - retainCopies));
  }

  private static Optional<BackupCopy> newest(List<BackupCopy> copies) {
    return copies.stream().max(Comparator.comparing(BackupCopy::completedAt));
  }
}
