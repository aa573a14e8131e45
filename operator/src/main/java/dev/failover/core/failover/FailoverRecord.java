package dev.failover.core.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One completed failover or failback, for the policy's history.
 *
 * @param from the data center left; null when the move was a first placement
 * @param completedAt when traffic was first seen on {@code to}
 * @param actionId the manual action that asked for the move; null when none did
 * @param overridden the restore test a person overrode by moving the workload into a data center
 *     held out for it; null when the move overrode none
 */
public record FailoverRecord(
    String from,
    String to,
    FailoverReason reason,
    Instant detectedAt,
    Instant completedAt,
    String actionId,
    HeldOut overridden) {

  /** A move that overrode no restore test. */
  public FailoverRecord(
      String from,
      String to,
      FailoverReason reason,
      Instant detectedAt,
      Instant completedAt,
      String actionId) {
    this(from, to, reason, detectedAt, completedAt, actionId, null);
  }

  /** A move no manual action asked for. */
  public FailoverRecord(
      String from, String to, FailoverReason reason, Instant detectedAt, Instant completedAt) {
    this(from, to, reason, detectedAt, completedAt, null, null);
  }

  public FailoverRecord {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(completedAt, "completedAt");
  }

  /** From the trigger to traffic on the new data center. */
  public Duration measuredRto() {
    return Duration.between(detectedAt, completedAt);
  }

  /** Identifies the move, so a Record step retried after a crash adds no second entry. */
  public String key() {
    return from + "->" + to + "@" + detectedAt;
  }
}
