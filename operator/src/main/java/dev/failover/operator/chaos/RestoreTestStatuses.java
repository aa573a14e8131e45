package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRunStep;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.core.chaos.RestoreReport;
import dev.failover.core.chaos.RunStart;
import dev.failover.operator.status.StatusConditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

/**
 * The one place a restore test's status changes phase: a run starts, moves to a step, passes or
 * fails; and the conditions that summarize it. Ready is True only when the last run passed (and the
 * data center was promoted); CleanedUp says whether the test namespaces are gone.
 */
final class RestoreTestStatuses {
  static final String CLEANED_UP = "CleanedUp";

  private RestoreTestStatuses() {}

  static void startRun(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      RunStart.Start start,
      long seed,
      Instant now) {
    int runs = status.getRuns() == null ? 0 : status.getRuns();
    status.setRuns(runs + 1);
    status.setPhase(ChaosTestPhase.Running);
    status.setSeed(seed);
    status.setTestNamespace(TestNamespaces.name(test));
    status.setStartedAt(text(now));
    status.setCompletedAt(null);
    status.setFaults(new ArrayList<>());
    status.setDrillFailoverPassed(null);
    status.setDrillDataCenter(null);
    status.setBackup(null);
    status.setPromoted(false);
    status.setReport(null);
    status.setRunRequest(start.runRequest());
    status.setScheduledFor(start.scheduledFor() == null ? null : text(start.scheduledFor()));
    status.setMessage("run " + (runs + 1) + " started: " + start.reason());
    // This run makes test namespaces again: the last run's clean-up says nothing of them.
    if (status.getConditions() != null) {
      status.getConditions().removeIf(c -> CLEANED_UP.equals(c.getType()));
    }
    step(status, ChaosRunStep.Preparing, now);
  }

  static void step(ChaosRestoreTestStatus status, ChaosRunStep step, Instant now) {
    status.setStep(step);
    status.setStepStartedAt(text(now));
  }

  static void pass(
      ChaosRestoreTest test, ChaosRestoreTestStatus status, String message, Instant now) {
    end(test, status, ChaosTestPhase.Passed, message, now);
    status.setPromoted(true);
    status.setReport(report(test, status));
  }

  static void fail(
      ChaosRestoreTest test, ChaosRestoreTestStatus status, String message, Instant now) {
    end(test, status, ChaosTestPhase.Failed, message, now);
    status.setPromoted(false);
    status.setReport(report(test, status));
  }

  /** Sets Ready from the phase, and observedGeneration. */
  static void summarize(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      ChaosRestoreTestStatus stored,
      Instant now) {
    StatusConditions.observed(status, test.getMetadata().getGeneration());
    ChaosTestPhase phase = status.getPhase() == null ? ChaosTestPhase.Pending : status.getPhase();
    String message = status.getMessage() == null ? "" : status.getMessage();
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.READY,
        phase == ChaosTestPhase.Passed,
        phase.name(),
        phase == ChaosTestPhase.Passed
            ? "passed; data center " + test.getSpec().getDataCenter() + " promoted"
            : message,
        now);
  }

  static void cleanedUp(
      ChaosRestoreTestStatus status,
      ChaosRestoreTestStatus stored,
      boolean gone,
      String message,
      Instant now) {
    StatusConditions.set(
        status, stored, CLEANED_UP, gone, gone ? "Removed" : "Removing", message, now);
  }

  private static void end(
      ChaosRestoreTest test,
      ChaosRestoreTestStatus status,
      ChaosTestPhase phase,
      String message,
      Instant now) {
    status.setPhase(phase);
    status.setStep(null);
    status.setStepStartedAt(null);
    status.setCompletedAt(text(now));
    status.setMessage(message);
  }

  private static String report(ChaosRestoreTest test, ChaosRestoreTestStatus status) {
    return RestoreReport.of(
        test.getMetadata().getNamespace() + "/" + test.getMetadata().getName(),
        test.getSpec().getDataCenter(),
        test.getSpec().getPolicyRef().getName(),
        status);
  }

  static String text(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
