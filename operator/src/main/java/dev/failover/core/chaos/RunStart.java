package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTrigger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new run of a chaos restore test starts now (the rules are in {@link
 * dev.failover.core.chaos}). Pure.
 */
public final class RunStart {
  private RunStart() {}

  /**
   * What the test looks like now.
   *
   * @param phase the status phase; null before the first reconcile
   * @param runs how many runs have started
   * @param runAnnotation the failover.dev/run annotation's value, or null
   * @param handledRunRequest the annotation value the last run was started for, or null
   * @param schedule the Schedule trigger's cron schedule, or null
   * @param lastScheduledFor the scheduled time the last run was started for, or null
   * @param created when the test was created
   * @param dataCenterReachable whether the tested data center answers (any phase but Pending or
   *     Unreachable)
   * @param restoredAt when the data center last entered Restoring, if it is Restoring now
   * @param lastCompletedAt when the last run ended, or null
   */
  public record Situation(
      ChaosTrigger trigger,
      ChaosTestPhase phase,
      int runs,
      String runAnnotation,
      String handledRunRequest,
      CronSchedule schedule,
      Instant lastScheduledFor,
      Instant created,
      boolean dataCenterReachable,
      Instant restoredAt,
      Instant lastCompletedAt) {}

  /** A run to start, and what started it (recorded in status so it starts once). */
  public record Start(String reason, String runRequest, Instant scheduledFor) {}

  /** The decision: a run to start, or why none starts (empty reason when nothing is due). */
  public record Decision(Optional<Start> start, String waiting) {
    static Decision none(String waiting) {
      return new Decision(Optional.empty(), waiting);
    }
  }

  public static Decision decide(Situation now, Instant at) {
    if (now.phase() == ChaosTestPhase.Running) {
      return Decision.none("");
    }
    Optional<Start> due = due(now, at);
    if (due.isEmpty()) {
      return Decision.none(waitingFor(now, at));
    }
    if (!now.dataCenterReachable()) {
      return Decision.none("waiting for the data center to be reachable");
    }
    return new Decision(due, "");
  }

  private static Optional<Start> due(Situation now, Instant at) {
    String annotation = now.runAnnotation();
    if (annotation != null
        && !annotation.isBlank()
        && !Objects.equals(annotation, now.handledRunRequest())) {
      return Optional.of(
          new Start(
              "requested by the failover.dev/run annotation '" + annotation + "'",
              annotation,
              now.lastScheduledFor()));
    }
    ChaosTrigger trigger = now.trigger() == null ? ChaosTrigger.Manual : now.trigger();
    switch (trigger) {
      case Manual:
        return now.runs() == 0
            ? Optional.of(new Start("created", now.handledRunRequest(), null))
            : Optional.empty();
      case Restoration:
        if (now.runs() == 0) {
          return Optional.of(
              new Start("the data center is reachable again", now.handledRunRequest(), null));
        }
        if (now.restoredAt() != null
            && now.lastCompletedAt() != null
            && now.restoredAt().isAfter(now.lastCompletedAt())) {
          return Optional.of(
              new Start(
                  "the data center returned from an outage at " + now.restoredAt(),
                  now.handledRunRequest(),
                  null));
        }
        return Optional.empty();
      case Schedule:
        if (now.schedule() == null) {
          return Optional.empty();
        }
        Instant since = now.lastScheduledFor() == null ? now.created() : now.lastScheduledFor();
        return now.schedule()
            .due(since, at)
            .map(
                run ->
                    new Start(
                        "scheduled for "
                            + run.scheduledFor()
                            + (run.skipped() > 0
                                ? " (" + run.skipped() + " earlier missed run(s) skipped)"
                                : ""),
                        now.handledRunRequest(),
                        run.scheduledFor()));
      default:
        return Optional.empty();
    }
  }

  private static String waitingFor(Situation now, Instant at) {
    if (now.trigger() == ChaosTrigger.Schedule && now.schedule() != null) {
      Instant since = now.lastScheduledFor() == null ? now.created() : now.lastScheduledFor();
      return now.schedule()
          .next(since.isAfter(at) ? since : at)
          .map(next -> "next run scheduled for " + next)
          .orElse("the schedule has no next run");
    }
    if (now.trigger() == ChaosTrigger.Restoration && now.runs() == 0) {
      return "waiting for the data center to be reachable";
    }
    return "";
  }
}
