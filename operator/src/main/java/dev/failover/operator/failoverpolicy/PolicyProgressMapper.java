package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.InFlightFailover;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads the core's persisted failover progress out of a policy status and writes it back. Times
 * keep milliseconds: the measured RTO is computed from them after a restart.
 */
final class PolicyProgressMapper {
  private PolicyProgressMapper() {}

  static FailoverProgress read(FailoverPolicyStatus status) {
    if (status == null || status.getPhase() == null) {
      return FailoverProgress.initial();
    }
    return new FailoverProgress(
        status.getPhase(),
        status.getActiveDataCenter(),
        reason(status.getActiveReason()),
        status.getCurrentStep(),
        inFlight(status.getInFlight()),
        status.getLastHandledActionId(),
        new LinkedHashSet<>(Optional.ofNullable(status.getAwaitingFence()).orElse(List.of())),
        Optional.ofNullable(status.getEarlierHandledActionIds()).orElse(List.of()));
  }

  static void write(FailoverProgress progress, FailoverPolicyStatus status) {
    status.setPhase(progress.phase());
    status.setActiveDataCenter(progress.activeDataCenter());
    status.setActiveReason(progress.activeReason() == null ? null : progress.activeReason().name());
    status.setCurrentStep(progress.currentStep());
    status.setInFlight(progress.inFlight() == null ? null : record(progress.inFlight()));
    status.setLastHandledActionId(progress.lastHandledActionId());
    status.setEarlierHandledActionIds(new ArrayList<>(progress.earlierActionIds()));
    status.setAwaitingFence(new ArrayList<>(progress.awaitingFence()));
  }

  static FailoverRecord record(dev.failover.core.failover.FailoverRecord done) {
    FailoverRecord record = new FailoverRecord();
    record.setType(done.reason().failback() ? FailoverType.Failback : FailoverType.Failover);
    record.setFrom(done.from());
    record.setTo(done.to());
    record.setReason(done.reason().name());
    record.setDetectedAt(time(done.detectedAt()));
    record.setCompletedAt(time(done.completedAt()));
    record.setMeasuredRtoMillis(done.measuredRto().toMillis());
    record.setActionId(done.actionId());
    if (done.overridden() != null) {
      record.setRestoreTestOverride(done.overridden().overrideReason());
      record.setOverriddenRestoreTest(done.overridden().test());
    }
    return record;
  }

  private static FailoverRecord record(InFlightFailover move) {
    FailoverRecord record = new FailoverRecord();
    record.setType(move.reason().failback() ? FailoverType.Failback : FailoverType.Failover);
    record.setFrom(move.from());
    record.setTo(move.to());
    record.setReason(move.reason().name());
    record.setDetectedAt(time(move.detectedAt()));
    record.setStartedAt(time(move.startedAt()));
    record.setCompletedAt(move.completedAt() == null ? null : time(move.completedAt()));
    record.setActionId(move.actionId());
    return record;
  }

  private static InFlightFailover inFlight(FailoverRecord record) {
    if (record == null || record.getDetectedAt() == null) {
      return null;
    }
    return new InFlightFailover(
        record.getFrom(),
        record.getTo(),
        reason(record.getReason()),
        Instant.parse(record.getDetectedAt()),
        record.getStartedAt() == null
            ? Instant.parse(record.getDetectedAt())
            : Instant.parse(record.getStartedAt()),
        record.getCompletedAt() == null ? null : Instant.parse(record.getCompletedAt()),
        record.getActionId());
  }

  private static FailoverReason reason(String name) {
    return name == null ? null : FailoverReason.valueOf(name);
  }

  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
