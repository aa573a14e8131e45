package dev.failover.core.failover;

import java.time.Instant;
import java.util.Objects;

/**
 * A move that has started and not finished, persisted in the policy status.
 *
 * @param from the active data center being left; null for an initial placement
 * @param to the chosen target; null while it is still being chosen
 * @param detectedAt when the trigger happened (the data center's phase change), the start of the
 *     measured RTO
 * @param startedAt when the operator started the move toward its current target; the move's
 *     deadline runs from here
 * @param completedAt when traffic was first seen on the target; null until then. Persisted so a
 *     retried Record step reports the same RTO.
 * @param actionId the manual action that asked for the move; null when none did
 */
public record InFlightFailover(
    String from,
    String to,
    FailoverReason reason,
    Instant detectedAt,
    Instant startedAt,
    Instant completedAt,
    String actionId) {

  public InFlightFailover {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** A move no manual action asked for. */
  public InFlightFailover(
      String from,
      String to,
      FailoverReason reason,
      Instant detectedAt,
      Instant startedAt,
      Instant completedAt) {
    this(from, to, reason, detectedAt, startedAt, completedAt, null);
  }

  public static InFlightFailover starting(
      String from, String to, FailoverReason reason, Instant detectedAt, Instant now) {
    return new InFlightFailover(from, to, reason, detectedAt, now, null, null);
  }

  public InFlightFailover withTo(String target) {
    return new InFlightFailover(from, target, reason, detectedAt, startedAt, completedAt, actionId);
  }

  /** The move gives up on its target and tries {@code target}, with a fresh deadline from now. */
  public InFlightFailover retargeted(String target, Instant now) {
    return new InFlightFailover(from, target, reason, detectedAt, now, completedAt, actionId);
  }

  public InFlightFailover withCompletedAt(Instant at) {
    return new InFlightFailover(from, to, reason, detectedAt, startedAt, at, actionId);
  }

  public InFlightFailover askedForBy(String id) {
    return new InFlightFailover(from, to, reason, detectedAt, startedAt, completedAt, id);
  }

  /**
   * The move became a blackout failover: the data center it was leaving went dark. It still names
   * the action that started it.
   */
  public InFlightFailover asBlackout(Instant blackoutDetectedAt) {
    return new InFlightFailover(
        from, to, FailoverReason.Blackout, blackoutDetectedAt, startedAt, completedAt, actionId);
  }

  public boolean isInitialPlacement() {
    return from == null;
  }

  /** Why the move happens, for Events and status messages. */
  public String trigger() {
    return switch (reason) {
      case InitialPlacement -> "initial placement";
      case Blackout -> from + " is unreachable (blackout)";
      case Brownout -> from + " is degraded (brownout)";
      case Exclusion -> from + " is excluded";
      case ManualFailover -> "manual failover";
      case AutomaticFailback -> "automatic failback";
      case ManualFailback -> "manual failback";
    };
  }
}
