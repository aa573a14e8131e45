package dev.failover.core.restoregate;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.RestoreGateState;
import dev.failover.core.ShortName;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.PolicySituation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the restore-test gates of one policy: opens one when a blackout failover is recorded, notes
 * the restoration and asks for its test, reads the tests by the contract, and closes a gate when
 * its data center is promoted or back in production. The rules are in {@code package-info.java}.
 */
public final class RestoreGates {
  /** A ChaosRestoreTest's name also names its test namespace, so it stays a DNS label. */
  static final int MAX_TEST_NAME = 63;

  /** A runner's message is quoted in status and Events, cut to this many characters. */
  static final int MAX_QUOTED = 300;

  private RestoreGates() {}

  /**
   * The gates after one look at the policy's world, before the failover core decides.
   *
   * @param policy the policy's name, for test names
   * @param required {@code failback.requireRestoreTest}
   * @param gates the gates as persisted
   * @param runs the ChaosRestoreTests of this policy, in any order
   */
  public static GateReview review(
      String policy,
      boolean required,
      List<Gate> gates,
      PolicySituation situation,
      List<TestRun> runs) {
    List<Gate> open = new ArrayList<>();
    List<GateStep> steps = new ArrayList<>();
    if (!required) {
      return new GateReview(open, steps);
    }
    FailoverProgress progress = situation.progress();
    for (Gate gate : gates) {
      String dataCenter = gate.dataCenter();
      boolean inProduction =
          progress.inFlight() == null && dataCenter.equals(progress.activeDataCenter());
      if (!situation.settings().placement().includes(dataCenter) || inProduction) {
        continue;
      }
      reviewOne(policy, gate, situation, runs, steps).ifPresent(open::add);
    }
    return new GateReview(open, steps);
  }

  /**
   * The gates with one opened for each blackout failover the decision records, replacing an older
   * gate of the same data center.
   */
  public static List<Gate> opened(
      boolean required, List<Gate> gates, List<FailoverAction> decided) {
    List<Gate> next = new ArrayList<>(gates);
    if (!required) {
      return next;
    }
    for (FailoverAction action : decided) {
      if (action instanceof FailoverAction.RecordFailover recorded) {
        FailoverRecord record = recorded.record();
        if (record.reason() == FailoverReason.Blackout && record.from() != null) {
          boolean known =
              next.stream()
                  .anyMatch(
                      gate ->
                          gate.dataCenter().equals(record.from())
                              && !gate.blackoutAt().isBefore(record.detectedAt()));
          if (!known) {
            next.removeIf(gate -> gate.dataCenter().equals(record.from()));
            next.add(Gate.opened(record.from(), record.detectedAt()));
          }
        }
      }
    }
    return next;
  }

  /** The test of a restoration: deterministic, so a retry after a crash finds the same one. */
  static String testName(String policy, String dataCenter, Instant restoredAt) {
    return ShortName.of(
        policy + "-" + dataCenter + "-restore-" + restoredAt.getEpochSecond(), MAX_TEST_NAME);
  }

  private static Optional<Gate> reviewOne(
      String policy,
      Gate gate,
      PolicySituation situation,
      List<TestRun> runs,
      List<GateStep> steps) {
    String dataCenter = gate.dataCenter();
    Optional<DataCenterView> view = situation.view(dataCenter);
    DataCenterPhase phase = view.map(DataCenterView::phase).orElse(DataCenterPhase.Pending);
    Gate current = gate;
    if (phase == DataCenterPhase.Unreachable) {
      if (gate.restoredAt() == null) {
        return Optional.of(gate);
      }
      // Dark again before a test passed: this restoration's test is moot; the next return gets
      // a new one.
      if (gate.test() != null) {
        steps.add(new GateStep.DeleteTest(gate.test()));
      }
      Instant blackoutAt = view.get().phaseSince();
      steps.add(
          new GateStep.Tell(
              "RestoreTestRearmed",
              dataCenter
                  + " is unreachable again before a restore test passed; its return will get a"
                  + " new test",
              false,
              dataCenter + "." + blackoutAt.getEpochSecond()));
      return Optional.of(Gate.opened(dataCenter, blackoutAt));
    }
    if (gate.restoredAt() == null) {
      if (phase == DataCenterPhase.Pending) {
        return Optional.of(gate);
      }
      Instant since = view.get().phaseSince();
      Instant restoredAt = since.isAfter(gate.blackoutAt()) ? since : situation.now();
      current =
          new Gate(
              dataCenter,
              RestoreGateState.AwaitingTest,
              gate.blackoutAt(),
              restoredAt,
              testName(policy, dataCenter, restoredAt),
              gate.message());
    }
    return judge(gate, current, runs, steps);
  }

  /** Reads the tests completed after the restoration, newest first, by the contract. */
  private static Optional<Gate> judge(
      Gate before, Gate gate, List<TestRun> runs, List<GateStep> steps) {
    String dataCenter = gate.dataCenter();
    List<TestRun> own = runs.stream().filter(run -> run.dataCenter().equals(dataCenter)).toList();
    Optional<TestRun> decisive =
        own.stream()
            .filter(run -> run.completedAfter(gate.restoredAt()))
            .max(
                Comparator.comparing(TestRun::completedAt)
                    // Same instant: a failure weighs more than a pass.
                    .thenComparing(run -> run.promotes() ? 0 : 1)
                    .thenComparing(TestRun::name));
    if (decisive.isPresent() && decisive.get().promotes()) {
      TestRun run = decisive.get();
      steps.add(
          new GateStep.Tell(
              "RestoreTestPassed",
              "Restore test "
                  + run.name()
                  + " passed and promoted "
                  + dataCenter
                  + ": it may take this policy's production traffic again",
              false,
              run.name() + "." + run.completedAt().getEpochSecond()));
      return Optional.empty();
    }
    Gate next;
    if (decisive.isPresent() && decisive.get().phase() == ChaosTestPhase.Failed) {
      TestRun run = decisive.get();
      next =
          gate.with(
              RestoreGateState.TestFailed,
              dataCenter
                  + " failed its restore test "
                  + run.name()
                  + ": "
                  + quoted(run.message(), "no reason given")
                  + "; it stays out of production until a new run passes");
      if (!Objects.equals(before.message(), next.message())
          || before.state() != RestoreGateState.TestFailed) {
        steps.add(
            new GateStep.Tell(
                "RestoreTestFailed",
                next.message(),
                true,
                run.name() + "." + run.completedAt().getEpochSecond()));
      }
      return Optional.of(next);
    }
    Optional<TestRun> ours = own.stream().filter(run -> run.name().equals(gate.test())).findFirst();
    String progress =
        decisive.isPresent()
            ? "passed, not promoted yet"
            : ours.map(run -> run.phase() == null ? "not started" : run.phase().name())
                .orElse("being created");
    if (ours.isEmpty()) {
      steps.add(new GateStep.EnsureTest(gate.test(), dataCenter, gate.restoredAt()));
    }
    next =
        gate.with(
            RestoreGateState.AwaitingTest,
            dataCenter
                + " awaits a passed restore test since its return at "
                + gate.restoredAt()
                + " (ChaosRestoreTest "
                + (decisive.isPresent() ? decisive.get().name() : gate.test())
                + ": "
                + progress
                + ")");
    if (before.state() != RestoreGateState.AwaitingTest
        || !Objects.equals(before.test(), gate.test())) {
      steps.add(
          new GateStep.Tell(
              "AwaitingRestoreTest",
              dataCenter
                  + " is back; automatic failback and failover to it wait until restore test "
                  + gate.test()
                  + " passes",
              false,
              gate.test()));
    }
    return Optional.of(next);
  }

  private static String quoted(String message, String otherwise) {
    if (message == null || message.isBlank()) {
      return otherwise;
    }
    return message.length() <= MAX_QUOTED ? message : message.substring(0, MAX_QUOTED) + "…";
  }
}
