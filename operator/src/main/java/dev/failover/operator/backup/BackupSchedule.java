package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.failoverpolicy.BackupStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.operator.backup.BackupRun.Result;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.operator.status.StatusConditions;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each policy's backups on their interval, beside the policy reconciler and never in its way:
 * the reconciler {@linkplain #note notes} the policy (with the data center it is settled in) and
 * writes the last run into the status it persists; the runs themselves happen on one thread of
 * their own, one at a time, and wake the policy when they end and when the next one is due. A
 * failover never waits for a backup, and a policy that is moving is not backed up.
 */
public final class BackupSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

  private final PolicyBackups backups;
  private final BackupAlerts alerts;
  private final ConditionEvents events;
  private final Consumer<ResourceID> wake;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "backups");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, BackupRun> lastRuns = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /**
   * @param wake asks the policy reconciler to look at a policy again
   */
  public BackupSchedule(
      PolicyBackups backups,
      BackupAlerts alerts,
      ConditionEvents events,
      Consumer<ResourceID> wake,
      Clock clock) {
    this.backups = backups;
    this.alerts = alerts;
    this.events = events;
    this.wake = wake;
    this.clock = clock;
  }

  /**
   * Writes the policy's last backup run into {@code status}, and starts the next run when one is
   * due.
   *
   * @param settledIn the data center the policy is active and settled in; null while it moves
   */
  public void note(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      String settledIn) {
    String uid = policy.getMetadata().getUid();
    Optional<PolicyBackups.Terms> terms = backups.terms(policy);
    if (terms.isEmpty()) {
      status.setBackups(null);
      lastRuns.remove(uid);
      return;
    }
    BackupRun last = lastRuns.get(uid);
    if (last != null) {
      write(policy, status, stored, last);
    }
    boolean due = last == null || !clock.instant().isBefore(last.nextDue());
    if (settledIn != null && due && running.add(uid)) {
      boolean alerted = storeWasNearlyFull(stored);
      executor.execute(() -> run(policy, settledIn, terms.get(), alerted));
    }
  }

  /** The policy's last run, as the next {@link #note} writes it. */
  Optional<BackupRun> lastRun(String uid) {
    return Optional.ofNullable(lastRuns.get(uid));
  }

  /** The policy is deleted: its schedule ends. Its backups stay in the store. */
  public void forget(String uid) {
    lastRuns.remove(uid);
  }

  private void run(
      FailoverPolicy policy, String dataCenter, PolicyBackups.Terms terms, boolean alerted) {
    String uid = policy.getMetadata().getUid();
    ResourceID id = ResourceID.fromResource(policy);
    try {
      BackupRun run = backups.runIfDue(policy, dataCenter, terms);
      if (run.storeNearlyFull() && !alerted) {
        alerts.storeNearlyFull(
            policy,
            uid + "/BackupStorageNearlyFull/" + clock.instant(),
            clock.instant(),
            run.message());
      }
      lastRuns.put(uid, run);
      Duration untilDue = Duration.between(clock.instant(), run.nextDue());
      executor.schedule(
          () -> wake.accept(id), Math.max(0, untilDue.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      log.warn("{}: backup run failed: {}", id, e.toString());
    } finally {
      running.remove(uid);
      wake.accept(id);
    }
  }

  private void write(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      BackupRun run) {
    BackupStatus backupsStatus = new BackupStatus();
    run.newest()
        .ifPresent(
            newest -> {
              backupsStatus.setLastBackup(newest.name());
              backupsStatus.setLastBackupTime(newest.completedAt().toString());
              backupsStatus.setDataCenter(newest.dataCenter());
              backupsStatus.setObjects(newest.objects());
              backupsStatus.setBytes(newest.bytes());
            });
    backupsStatus.setCopiesKept(run.copiesKept());
    backupsStatus.setStoreUsagePercent(run.storeUsagePercent());
    backupsStatus.setNextDue(run.nextDue().toString());
    run.veleroBackup().ifPresent(backupsStatus::setVeleroBackup);
    if (run.veleroBackup().isEmpty()
        && stored != null
        && stored.getBackups() != null
        && run.result() == Result.NotDue) {
      backupsStatus.setVeleroBackup(stored.getBackups().getVeleroBackup());
    }
    backupsStatus.setMessage(run.message());
    status.setBackups(backupsStatus);
    Instant now = clock.instant();
    switch (run.result()) {
      case NotDue -> {}
      case Taken -> {
        set(status, stored, ConditionTypes.BACKED_UP, true, "BackupTaken", run.message(), now);
        set(
            status,
            stored,
            ConditionTypes.BACKUP_STORAGE_HEALTHY,
            true,
            "StoreHasRoom",
            run.message(),
            now);
      }
      case TakenNearlyFull -> {
        set(status, stored, ConditionTypes.BACKED_UP, true, "BackupTaken", run.message(), now);
        set(
            status,
            stored,
            ConditionTypes.BACKUP_STORAGE_HEALTHY,
            false,
            "StoreNearlyFull",
            run.message(),
            now);
      }
      case Refused -> {
        set(status, stored, ConditionTypes.BACKED_UP, false, "BackupRefused", run.message(), now);
        set(
            status,
            stored,
            ConditionTypes.BACKUP_STORAGE_HEALTHY,
            false,
            backups.capacityKnown() ? "StoreFull" : "CapacityUnknown",
            run.message(),
            now);
      }
      case TooLarge ->
          set(
              status,
              stored,
              ConditionTypes.BACKED_UP,
              false,
              "BackupTooLarge",
              run.message(),
              now);
      case Failed ->
          set(status, stored, ConditionTypes.BACKED_UP, false, "BackupFailed", run.message(), now);
    }
    events.changed(policy, stored, status, ConditionTypes.BACKED_UP);
    events.changed(policy, stored, status, ConditionTypes.BACKUP_STORAGE_HEALTHY);
  }

  private static void set(
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      String type,
      boolean isTrue,
      String reason,
      String message,
      Instant now) {
    StatusConditions.set(status, stored, type, isTrue, reason, message, now);
  }

  private static boolean storeWasNearlyFull(FailoverPolicyStatus stored) {
    return stored != null
        && stored
            .condition(ConditionTypes.BACKUP_STORAGE_HEALTHY)
            .filter(c -> "False".equals(c.getStatus()))
            .isPresent();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
