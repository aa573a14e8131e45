package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import java.time.Instant;

/** Whom the backup service tells when its store nears the limit: the provider, first of all. */
public interface BackupAlerts {
  BackupAlerts NONE = (policy, occurrenceId, at, message) -> {};

  /**
   * The store nears (or reached) the rider's maxStorageUsagePercent; told once per occurrence.
   *
   * @param occurrenceId {@code <policy uid>/BackupStorageNearlyFull/<when it began>}
   */
  void storeNearlyFull(FailoverPolicy policy, String occurrenceId, Instant at, String message);
}
