package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTrigger;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.DurationText;
import dev.failover.core.chaos.CronSchedule;
import dev.failover.core.chaos.RunStart;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.status.StatusPatches;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs chaos restore tests: observe (the test, its policy in the same namespace, the DataCenters) →
 * decide (a new run starts, {@link RunStart}; a running one moves on, {@link RestoreTestSteps}) →
 * act → status. Not generation-aware: the {@value #RUN_ANNOTATION} annotation starts a run and does
 * not change the generation.
 */
@ControllerConfiguration(name = "chaosrestoretest", generationAwareEventProcessing = false)
public final class ChaosRestoreTestReconciler
    implements Reconciler<ChaosRestoreTest>, Cleaner<ChaosRestoreTest> {
  private static final Logger log = LoggerFactory.getLogger(ChaosRestoreTestReconciler.class);

  /**
   * Any new value starts a new run: {@code kubectl annotate crt x failover.dev/run=$(date +%s)}.
   */
  public static final String RUN_ANNOTATION = "failover.dev/run";

  static final Duration WHILE_RUNNING = Duration.ofSeconds(1);
  static final Duration AFTER_ERROR = Duration.ofSeconds(3);
  static final Duration WHILE_IDLE = Duration.ofSeconds(30);

  private final KubernetesClient hub;
  private final DataCenterConnections connections;
  private final RestoreTestSteps steps;
  private final RestoreTestResults results;
  private final LongSupplier seeds;
  private final Clock clock;

  public ChaosRestoreTestReconciler(
      KubernetesClient hub,
      DataCenterConnections connections,
      RestoreBackup backup,
      dev.failover.operator.status.ConditionEvents events,
      dev.failover.operator.observability.RestoreTestMetrics metrics,
      dev.failover.operator.notification.NotificationOutbox outbox,
      LongSupplier seeds,
      Clock clock) {
    this.hub = hub;
    this.connections = connections;
    this.steps = new RestoreTestSteps(connections, backup);
    this.results = new RestoreTestResults(events, metrics, outbox);
    this.seeds = seeds;
    this.clock = clock;
  }

  @Override
  public UpdateControl<ChaosRestoreTest> reconcile(
      ChaosRestoreTest test, Context<ChaosRestoreTest> context) {
    Instant now = clock.instant();
    ChaosRestoreTestStatus stored = test.getStatus();
    ChaosRestoreTestStatus status =
        stored == null ? new ChaosRestoreTestStatus() : Serialization.clone(stored);
    if (status.getFaults() == null) {
      status.setFaults(new ArrayList<>());
    }
    Map<String, DataCenter> dataCenters = dataCenters();
    Duration after;
    if (status.getPhase() == ChaosTestPhase.Running) {
      after = running(test, status, dataCenters, now);
    } else {
      after = idle(test, status, dataCenters, now);
    }
    RestoreTestStatuses.summarize(test, status, stored, now);
    boolean ended =
        stored != null
            && stored.getPhase() == ChaosTestPhase.Running
            && (status.getPhase() == ChaosTestPhase.Passed
                || status.getPhase() == ChaosTestPhase.Failed);
    if (ended) {
      results.ended(test, status);
    }
    test.setStatus(status);
    return StatusPatches.patchIfChanged(test, stored, status).rescheduleAfter(after);
  }

  private Duration running(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      Map<String, DataCenter> dataCenters,
      Instant now) {
    FailoverPolicy policy = policy(test);
    if (policy == null) {
      RestoreTestStatuses.fail(
          test,
          status,
          "policy " + test.getSpec().getPolicyRef().getName() + " not found in this namespace",
          now);
      return AFTER_ERROR;
    }
    RestoreTestRun run = new RestoreTestRun(test, policy, dataCenters, status, now);
    if (Duration.between(Instant.parse(status.getStartedAt()), now).compareTo(run.timeout()) > 0) {
      RestoreTestStatuses.fail(
          test,
          status,
          "timed out after "
              + DurationText.format(run.timeout())
              + " at step "
              + status.getStep()
              + ": "
              + status.getMessage(),
          now);
      return AFTER_ERROR;
    }
    try {
      steps.advance(run);
      return WHILE_RUNNING;
    } catch (RuntimeException e) {
      // A data center that does not answer, or RBAC not yet in force: retried until the timeout.
      log.info(
          "restore test {}/{}: step {} not done yet: {}",
          test.getMetadata().getNamespace(),
          test.getMetadata().getName(),
          status.getStep(),
          e.toString());
      status.setMessage("step " + status.getStep() + " retrying: " + e.getMessage());
      return AFTER_ERROR;
    }
  }

  private Duration idle(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      Map<String, DataCenter> dataCenters,
      Instant now) {
    boolean cleanedUp =
        cleanUp(test, status, Optional.ofNullable(test.getStatus()), dataCenters, now);
    DataCenter dataCenter = dataCenters.get(test.getSpec().getDataCenter());
    DataCenterPhase phase =
        dataCenter == null || dataCenter.getStatus() == null
            ? null
            : dataCenter.getStatus().getPhase();
    boolean reachable =
        phase != null && phase != DataCenterPhase.Pending && phase != DataCenterPhase.Unreachable;
    Instant restoredAt =
        phase == DataCenterPhase.Restoring && dataCenter.getStatus().getLastTransitionTime() != null
            ? Instant.parse(dataCenter.getStatus().getLastTransitionTime())
            : null;
    CronSchedule schedule = schedule(test);
    RunStart.Decision decision =
        RunStart.decide(
            new RunStart.Situation(
                test.getSpec().getTrigger(),
                status.getPhase(),
                status.getRuns() == null ? 0 : status.getRuns(),
                annotation(test),
                status.getRunRequest(),
                schedule,
                Optional.ofNullable(status.getScheduledFor()).map(Instant::parse).orElse(null),
                Instant.parse(test.getMetadata().getCreationTimestamp()),
                reachable,
                restoredAt,
                Optional.ofNullable(status.getCompletedAt()).map(Instant::parse).orElse(null)),
            now);
    if (decision.start().isPresent()) {
      if (!cleanedUp) {
        status.setMessage("a new run waits for the test namespaces of the last one to be removed");
        return AFTER_ERROR;
      }
      long seed = test.getSpec().getSeed() != null ? test.getSpec().getSeed() : seeds.getAsLong();
      RestoreTestStatuses.startRun(test, status, decision.start().get(), seed, now);
      return Duration.ZERO.plusMillis(100);
    }
    if (status.getPhase() == null) {
      status.setPhase(ChaosTestPhase.Pending);
      status.setPromoted(false);
    }
    if (status.getPhase() == ChaosTestPhase.Pending && !decision.waiting().isEmpty()) {
      status.setMessage(decision.waiting());
    }
    if (schedule != null && test.getSpec().getTrigger() == ChaosTrigger.Schedule) {
      Duration untilNext =
          schedule.next(now).map(next -> Duration.between(now, next)).orElse(WHILE_IDLE);
      return untilNext.compareTo(WHILE_IDLE) < 0 ? untilNext.plusMillis(100) : WHILE_IDLE;
    }
    return cleanedUp ? WHILE_IDLE : AFTER_ERROR;
  }

  /**
   * Removes the test namespaces of an ended run where they are left (the tested data center, and
   * the drill's); a data center that cannot be reached is tried again later.
   *
   * @return whether they are all gone
   */
  private boolean cleanUp(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      Optional<ChaosRestoreTestStatus> stored,
      Map<String, DataCenter> dataCenters,
      Instant now) {
    if (status.getTestNamespace() == null) {
      return true;
    }
    boolean alreadyGone =
        stored
            .flatMap(s -> s.condition(RestoreTestStatuses.CLEANED_UP))
            .filter(c -> "True".equals(c.getStatus()))
            .isPresent();
    if (alreadyGone) {
      return true; // removed after the last run; nothing runs there since
    }
    List<String> left = removeNamespaces(test, status);
    RestoreTestStatuses.cleanedUp(
        status,
        stored.orElse(null),
        left.isEmpty(),
        left.isEmpty()
            ? "test namespace " + status.getTestNamespace() + " removed"
            : "removing test namespace " + status.getTestNamespace() + " in " + left,
        now);
    return left.isEmpty();
  }

  /** The data centers where the test namespace is still there (or that could not be asked). */
  private List<String> removeNamespaces(ChaosRestoreTest test, ChaosRestoreTestStatus status) {
    Set<String> where = new LinkedHashSet<>();
    where.add(test.getSpec().getDataCenter());
    if (status.getDrillDataCenter() != null) {
      where.add(status.getDrillDataCenter());
    }
    List<String> left = new ArrayList<>();
    for (String dataCenter : where) {
      try {
        Optional<KubernetesClient> client = connections.client(dataCenter);
        if (client.isPresent() && TestNamespaces.remove(client.get(), test)) {
          continue;
        }
      } catch (RuntimeException e) {
        log.info("test namespace in {} not removed yet: {}", dataCenter, e.toString());
      }
      left.add(dataCenter);
    }
    return left;
  }

  /**
   * The finalizer: the test namespaces go with the test. A data center that is down keeps the test
   * (and its finalizer) until it is back.
   */
  @Override
  public DeleteControl cleanup(ChaosRestoreTest test, Context<ChaosRestoreTest> context) {
    ChaosRestoreTestStatus status = test.getStatus();
    ChaosRestoreTestStatus probe = status == null ? new ChaosRestoreTestStatus() : status;
    if (probe.getTestNamespace() == null) {
      probe.setTestNamespace(TestNamespaces.name(test));
    }
    List<String> left = removeNamespaces(test, probe);
    if (left.isEmpty()) {
      return DeleteControl.defaultDelete();
    }
    log.info(
        "restore test {}/{} deleted: waiting to remove its test namespace in {}",
        test.getMetadata().getNamespace(),
        test.getMetadata().getName(),
        left);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(AFTER_ERROR);
  }

  private FailoverPolicy policy(ChaosRestoreTest test) {
    // Only the test's own namespace: a test can never reach another tenant's policy.
    return hub.resources(FailoverPolicy.class)
        .inNamespace(test.getMetadata().getNamespace())
        .withName(test.getSpec().getPolicyRef().getName())
        .get();
  }

  private Map<String, DataCenter> dataCenters() {
    return hub.resources(DataCenter.class).list().getItems().stream()
        .collect(Collectors.toMap(dc -> dc.getMetadata().getName(), dc -> dc, (a, b) -> a));
  }

  private static CronSchedule schedule(ChaosRestoreTest test) {
    if (test.getSpec().getTrigger() != ChaosTrigger.Schedule
        || test.getSpec().getSchedule() == null) {
      return null;
    }
    try {
      return CronSchedule.parse(test.getSpec().getSchedule());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String annotation(ChaosRestoreTest test) {
    Map<String, String> annotations = test.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(RUN_ANNOTATION);
  }
}
