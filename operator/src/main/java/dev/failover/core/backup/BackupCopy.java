package dev.failover.core.backup;

import java.time.Instant;
import java.util.Objects;

/** One backup in the store: where it is, when it completed, and its size. */
public record BackupCopy(String reference, Instant completedAt, long bytes) {
  public BackupCopy {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(completedAt, "completedAt");
    if (bytes < 0) {
      throw new IllegalArgumentException("a backup's size cannot be negative");
    }
  }
}
