package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.failoverpolicy.Availability;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.core.DurationText;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.InFlightFailover;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.failoverpolicy.FailoverMoments;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover engine's moments as notifications: FailoverStarted when a failover away from a
 * failed data center starts, ServiceContinuing when it completes, and Restored when the service is
 * back in its restored data center (a failback completes), with the SLA credit earned so far this
 * month; a failback from a first placement elsewhere, which interrupted nobody, tells nothing. No
 * reason in words goes with them: the facts reach channels in English, German and Japanese, and
 * each template says what happened in its own language. Published while the decision is reported,
 * before its status is written: a crash in between reports it again with the same occurrence, which
 * the outbox makes nothing new of. A publish that fails is logged; the failover never waits for,
 * nor fails because of, a message.
 */
public final class OutboxFailoverMoments implements FailoverMoments {
  private static final Logger log = LoggerFactory.getLogger(OutboxFailoverMoments.class);

  /** The CRD's default for spec.objectives.slaPercent. */
  private static final double DEFAULT_SLA_PERCENT = 99.9;

  private final NotificationOutbox outbox;

  public OutboxFailoverMoments(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void failoverStarted(FailoverPolicy policy, String occurrenceId, InFlightFailover move) {
    Map<String, String> facts = new HashMap<>();
    if (move.from() != null) {
      facts.put(Facts.FROM_DATA_CENTER, move.from());
      facts.put(Facts.DATA_CENTER, move.from());
    }
    if (move.to() != null) {
      facts.put(Facts.TO_DATA_CENTER, move.to());
    }
    publish(
        policy,
        NotificationEventType.FailoverStarted,
        move.detectedAt(),
        occurrenceId,
        facts,
        null);
  }

  @Override
  public void moved(FailoverPolicy policy, FailoverRecord record) {
    if (record.from() == null || record.reason() == FailoverReason.InitialPlacement) {
      return; // a first placement: nobody's service was interrupted
    }
    boolean restored = record.reason().failback();
    if (restored && !returnsFromAFailover(policy, record)) {
      // Back to the primary from a first placement elsewhere (the primary was not ready yet):
      // nobody's service was interrupted, so there is no restoration to tell of.
      return;
    }
    Map<String, String> facts = new HashMap<>();
    facts.put(Facts.FROM_DATA_CENTER, record.from());
    facts.put(Facts.TO_DATA_CENTER, record.to());
    facts.put(Facts.DATA_CENTER, restored ? record.to() : record.from());
    facts.put(Facts.RTO, DurationText.format(record.measuredRto()));
    SlaCredit earned =
        restored && policy.getStatus() != null ? policy.getStatus().getSlaCreditDue() : null;
    if (restored) {
      slaTerms(policy).forEach(facts::put);
    }
    publish(
        policy,
        restored ? NotificationEventType.Restored : NotificationEventType.ServiceContinuing,
        record.completedAt(),
        record.key(),
        facts,
        earned);
  }

  private void publish(
      FailoverPolicy policy,
      NotificationEventType type,
      Instant occurredAt,
      String occurrenceId,
      Map<String, String> facts,
      SlaCredit credit) {
    try {
      outbox.publish(
          new PolicyMoment(
              policy.getMetadata().getNamespace(),
              policy.getMetadata().getName(),
              type,
              occurredAt,
              occurrenceId,
              facts,
              credit));
    } catch (RuntimeException e) {
      log.warn(
          "{}/{}: could not write the {} notification ({}); the failover goes on",
          policy.getMetadata().getNamespace(),
          policy.getMetadata().getName(),
          type,
          e.toString());
    }
  }

  /**
   * Whether the failback leaves the data center the last recorded failover went to: only then did
   * customers hear of a failover, and is there a restoration to tell of. The history is the
   * persisted one, newest first, without this failback.
   */
  private static boolean returnsFromAFailover(FailoverPolicy policy, FailoverRecord failback) {
    List<dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord> history =
        policy.getStatus() == null ? null : policy.getStatus().getHistory();
    if (history == null || history.isEmpty()) {
      return false;
    }
    dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord last = history.get(0);
    return last.getType() == FailoverType.Failover && failback.from().equals(last.getTo());
  }

  /**
   * The month's availability so far and the agreed one, as the ledger last wrote them, so that a
   * Restored message states the terms even when no credit is due.
   */
  private static Map<String, String> slaTerms(FailoverPolicy policy) {
    Availability availability =
        policy.getStatus() == null ? null : policy.getStatus().getAvailability();
    if (availability == null || availability.getMonthToDatePercent() == null) {
      return Map.of();
    }
    Double agreed =
        policy.getSpec() == null || policy.getSpec().getObjectives() == null
            ? null
            : policy.getSpec().getObjectives().getSlaPercent();
    return Map.of(
        Facts.MONTH_AVAILABILITY,
        percent(availability.getMonthToDatePercent()),
        Facts.AGREED_AVAILABILITY,
        percent(agreed == null ? DEFAULT_SLA_PERCENT : agreed));
  }

  private static String percent(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
