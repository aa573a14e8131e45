package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.common.BackupService;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.DurationText;
import dev.failover.core.backup.BackupAdmission;
import dev.failover.core.backup.BackupCopy;
import dev.failover.core.backup.BackupPlan;
import dev.failover.operator.backup.BackupRun.Result;
import dev.failover.operator.observability.BackupMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a policy's backup service: when a backup is due, reads the managed state from the
 * data center, judges it against the store ({@link BackupAdmission}), prunes, stores, and creates a
 * Velero Backup where Velero is served. The store is measured at every run; nothing is kept in
 * memory between runs, so a restarted operator resumes the schedule from the store.
 */
public final class PolicyBackups {
  private static final Logger log = LoggerFactory.getLogger(PolicyBackups.class);

  /** The CRD's defaults, for a backup asked for under a rider that states no backup service. */
  static final Terms DEFAULT_TERMS = new Terms(new BackupPlan(Duration.ofHours(24), 7), 80);

  /** A refused or failed run is tried again this soon (or at the interval, if shorter). */
  static final Duration RETRY = Duration.ofMinutes(1);

  /** A rider's backup service, read. */
  public record Terms(BackupPlan plan, int maxStorageUsagePercent) {
    /** Empty when the service is not provided; unset fields read as the CRD's defaults. */
    public static Optional<Terms> of(BackupService service) {
      if (service == null || Boolean.FALSE.equals(service.getProvided())) {
        return Optional.empty();
      }
      return Optional.of(
          new Terms(
              new BackupPlan(
                  service.getInterval() == null
                      ? DEFAULT_TERMS.plan().interval()
                      : DurationText.parse(service.getInterval()),
                  service.getRetainCopies() == null
                      ? DEFAULT_TERMS.plan().retainCopies()
                      : service.getRetainCopies()),
              service.getMaxStorageUsagePercent() == null
                  ? DEFAULT_TERMS.maxStorageUsagePercent()
                  : service.getMaxStorageUsagePercent()));
    }
  }

  private final BackupStore store;
  private final long capacityBytes;
  private final Function<String, Optional<KubernetesClient>> dataCenters;
  private final Function<FailoverPolicy, Optional<BackupService>> services;
  private final VeleroBackups velero;
  private final BackupMetrics metrics;
  private final Clock clock;

  /**
   * @param dataCenters a data center's client by name; empty while it is not connected
   * @param services the backup service of the policy's rider, if it states one
   */
  public PolicyBackups(
      BackupStore store,
      long capacityBytes,
      Function<String, Optional<KubernetesClient>> dataCenters,
      Function<FailoverPolicy, Optional<BackupService>> services,
      VeleroBackups velero,
      BackupMetrics metrics,
      Clock clock) {
    this.store = store;
    this.capacityBytes = capacityBytes;
    this.dataCenters = dataCenters;
    this.services = services;
    this.velero = velero;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Whether the store's capacity is declared: a store of unknown capacity takes no backup. */
  public boolean capacityKnown() {
    return capacityBytes > 0;
  }

  /** The policy's backup terms; empty when its rider provides no backup service. */
  public Optional<Terms> terms(FailoverPolicy policy) {
    return services.apply(policy).flatMap(Terms::of);
  }

  /** One scheduled run: a backup of the data center's state if one is due, else nothing. */
  public BackupRun runIfDue(FailoverPolicy policy, String dataCenter, Terms terms) {
    return run(policy, dataCenter, terms, false);
  }

  /**
   * A backup now, whatever the schedule, through the same store and guard: for a restored data
   * center's managed state before it is promoted. Under the rider's terms, else the CRD's defaults.
   *
   * @throws BackupRefusedException when it was not stored (the guard refused it, it is too large,
   *     or nothing could be read)
   */
  public BackupRecord takeBackup(FailoverPolicy policy, String dataCenter) {
    BackupRun run = run(policy, dataCenter, terms(policy).orElse(DEFAULT_TERMS), true);
    if (run.result() != Result.Taken && run.result() != Result.TakenNearlyFull) {
      throw new BackupRefusedException(run);
    }
    StoredBackup stored = run.newest().orElseThrow();
    BackupRecord record = new BackupRecord();
    record.setReference(store.namespace() + "/" + stored.name());
    record.setObjects(stored.objects());
    record.setCompletedAt(stored.completedAt().toString());
    return record;
  }

  private BackupRun run(FailoverPolicy policy, String dataCenter, Terms terms, boolean now) {
    Instant at = clock.instant();
    String uid = policy.getMetadata().getUid();
    List<StoredBackup> all;
    try {
      all = store.list();
    } catch (RuntimeException e) {
      return failed(
          List.of(), 0, at, terms, "the backup store could not be read: " + e.getMessage());
    }
    List<StoredBackup> mine = all.stream().filter(b -> uid.equals(b.policyUid())).toList();
    long used = all.stream().mapToLong(StoredBackup::bytes).sum();
    Instant due = terms.plan().due(copies(mine), at);
    if (!now && at.isBefore(due)) {
      metrics.storeMeasured(percent(used) / 100);
      return new BackupRun(
          Result.NotDue,
          newest(mine),
          mine.size(),
          percent(used),
          due,
          Optional.empty(),
          "next backup due at " + due);
    }
    try {
      return store(policy, dataCenter, terms, at, mine, used);
    } catch (RuntimeException e) {
      return failed(
          mine, used, at, terms, "backup from " + dataCenter + " failed: " + e.getMessage());
    }
  }

  private BackupRun store(
      FailoverPolicy policy,
      String dataCenter,
      Terms terms,
      Instant at,
      List<StoredBackup> mine,
      long used) {
    KubernetesClient client =
        dataCenters
            .apply(dataCenter)
            .orElseThrow(
                () -> new IllegalStateException("no connection to data center " + dataCenter));
    List<Map<String, Object>> objects = ManagedState.read(client, policy);
    if (objects.isEmpty()) {
      return failed(
          mine, used, at, terms, "no object of the policy found in " + dataCenter + " to back up");
    }
    BackupArchive archive =
        new BackupArchive(
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            policy.getMetadata().getUid(),
            dataCenter,
            at,
            objects);
    byte[] compressed = archive.compressed();
    BackupAdmission admission =
        BackupAdmission.admit(
            terms.plan(),
            copies(mine),
            compressed.length,
            at,
            used,
            capacityBytes,
            terms.maxStorageUsagePercent(),
            BackupStore.MAX_BACKUP_BYTES);
    Result result = BackupRun.of(admission.outcome());
    if (!admission.stores()) {
      metrics.ran(snake(result), admission.usagePercentAfter() / 100);
      return new BackupRun(
          result,
          newest(mine),
          mine.size(),
          admission.usagePercentAfter(),
          retryAt(at, terms),
          Optional.empty(),
          admission.message());
    }
    // Pruned first, so the store never holds more than the guard allowed, even for a moment.
    admission.toPrune().forEach(copy -> store.delete(copy.reference()));
    StoredBackup stored = store.write(policy, archive, compressed);
    Optional<String> veleroBackup = Optional.empty();
    String veleroNote;
    try {
      veleroBackup = velero.create(client, policy, stored.name());
      veleroNote =
          veleroBackup
              .map(name -> "; Velero Backup " + name + " created")
              .orElse("; " + dataCenter + " does not serve velero.io/v1: no Velero Backup");
    } catch (RuntimeException e) {
      veleroNote = "; the Velero Backup could not be created: " + e.getMessage();
    }
    metrics.ran(snake(result), admission.usagePercentAfter() / 100);
    log.info(
        "{}/{}: backed up {} objects from {} as {} ({} bytes)",
        policy.getMetadata().getNamespace(),
        policy.getMetadata().getName(),
        objects.size(),
        dataCenter,
        stored.name(),
        stored.bytes());
    return new BackupRun(
        result,
        Optional.of(stored),
        mine.size() - admission.toPrune().size() + 1,
        admission.usagePercentAfter(),
        at.plus(terms.plan().interval()),
        veleroBackup,
        "backed up "
            + objects.size()
            + " objects from "
            + dataCenter
            + " ("
            + stored.bytes()
            + " bytes); "
            + admission.message()
            + veleroNote);
  }

  private BackupRun failed(
      List<StoredBackup> mine, long used, Instant at, Terms terms, String message) {
    metrics.ran("failed", percent(used) / 100);
    return new BackupRun(
        Result.Failed,
        newest(mine),
        mine.size(),
        percent(used),
        retryAt(at, terms),
        Optional.empty(),
        message);
  }

  private static Instant retryAt(Instant at, Terms terms) {
    Duration interval = terms.plan().interval();
    return at.plus(interval.compareTo(RETRY) < 0 ? interval : RETRY);
  }

  private double percent(long used) {
    return capacityBytes <= 0
        ? 0
        : Double.parseDouble(String.format(Locale.ROOT, "%.1f", used * 100.0 / capacityBytes));
  }

  private static List<BackupCopy> copies(List<StoredBackup> backups) {
    return backups.stream().map(StoredBackup::asCopy).toList();
  }

  private static Optional<StoredBackup> newest(List<StoredBackup> backups) {
    return backups.stream().max(Comparator.comparing(StoredBackup::completedAt));
  }

  private static String snake(Result result) {
    return switch (result) {
      case NotDue -> "not_due";
      case Taken -> "taken";
      case TakenNearlyFull -> "taken_nearly_full";
      case Refused -> "refused";
      case TooLarge -> "too_large";
      case Failed -> "failed";
    };
  }
}
