package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.notification.NotificationOutbox;
import dev.failover.operator.observability.RestoreTestMetrics;
import dev.failover.operator.status.ConditionEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of a run that ended: an Event on the test (Normal when it passed, Warning when it failed)
 * holding the report, the metrics, and a RestoreTestResult notification through the outbox. Each is
 * named by the run, so a reconcile retried after a crash tells nothing twice (the metrics aside).
 */
final class RestoreTestResults {
  private static final Logger log = LoggerFactory.getLogger(RestoreTestResults.class);

  private final ConditionEvents events;
  private final RestoreTestMetrics metrics;
  private final NotificationOutbox outbox;

  RestoreTestResults(
      ConditionEvents events, RestoreTestMetrics metrics, NotificationOutbox outbox) {
    this.events = events;
    this.metrics = metrics;
    this.outbox = outbox;
  }

  void ended(ChaosRestoreTest test, ChaosRestoreTestStatus status) {
    boolean passed = status.getPhase() == ChaosTestPhase.Passed;
    String occurrence = "run-" + status.getRuns();
    boolean first =
        passed
            ? events.normalOnce(test, "RestoreTestPassed", occurrence, status.getReport())
            : events.warningOnce(test, "RestoreTestFailed", occurrence, status.getReport());
    if (first) {
      metrics.completed(passed);
      status.getFaults().stream()
          .filter(fault -> fault.getRecoverySeconds() != null)
          .forEach(
              fault ->
                  metrics.recovered(
                      fault.getKind(),
                      java.time.Duration.ofMillis(Math.round(fault.getRecoverySeconds() * 1000))));
    }
    Map<String, String> facts = new HashMap<>();
    facts.put(Facts.DATA_CENTER, test.getSpec().getDataCenter());
    facts.put(Facts.RESULT, passed ? "passed" : "failed");
    if (!passed && status.getMessage() != null) {
      facts.put(Facts.DETAIL, status.getMessage());
    }
    try {
      outbox.publish(
          new PolicyMoment(
              test.getMetadata().getNamespace(),
              test.getSpec().getPolicyRef().getName(),
              NotificationEventType.RestoreTestResult,
              Instant.parse(status.getCompletedAt()),
              "restore-test/" + test.getMetadata().getUid() + "/" + occurrence,
              facts));
    } catch (RuntimeException e) {
      log.warn(
          "restore test {}/{}: could not write the RestoreTestResult notifications ({})",
          test.getMetadata().getNamespace(),
          test.getMetadata().getName(),
          e.toString());
    }
  }
}
