package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.DurationText;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.sla.SlaMoments;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA's moments as today (the {@code delegate}: Events on the policy) and through the outbox:
 * SlaAtRisk when a burn-rate window fires, and SlaCreditDue when a closed month earned a credit,
 * each under the ledger's occurrence id, so a repeated call makes nothing new. The risk's clearing
 * is an Event only: no channel subscribes to good news that is not a restoration.
 */
public final class OutboxSlaMoments implements SlaMoments {
  private static final Logger log = LoggerFactory.getLogger(OutboxSlaMoments.class);

  private final SlaMoments delegate;
  private final NotificationOutbox outbox;

  public OutboxSlaMoments(SlaMoments delegate, NotificationOutbox outbox) {
    this.delegate = delegate;
    this.outbox = outbox;
  }

  @Override
  public void slaAtRiskRaised(FailoverPolicy policy, AtRisk risk) {
    delegate.slaAtRiskRaised(policy, risk);
    publish(
        policy,
        new PolicyMoment(
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            NotificationEventType.SlaAtRisk,
            risk.raisedAt(),
            risk.occurrenceId(),
            Map.of(
                Facts.REASON,
                "the error budget burns too fast over the "
                    + risk.window()
                    + " windows ("
                    + risk.severity()
                    + ")",
                Facts.DETAIL,
                "availability this month so far "
                    + risk.monthToDatePercent()
                    + "%, error budget left "
                    + DurationText.format(
                        Duration.ofSeconds(Math.max(0, risk.budgetRemainingSeconds()))))));
  }

  @Override
  public void slaAtRiskCleared(FailoverPolicy policy, AtRisk risk, Instant clearedAt) {
    delegate.slaAtRiskCleared(policy, risk, clearedAt);
  }

  @Override
  public void slaCreditDue(FailoverPolicy policy, CreditDue due) {
    delegate.slaCreditDue(policy, due);
    publish(
        policy,
        new PolicyMoment(
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            NotificationEventType.SlaCreditDue,
            due.month().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
            due.occurrenceId(),
            Map.of(Facts.DETAIL, "for " + due.month()),
            due.credit()));
  }

  private void publish(FailoverPolicy policy, PolicyMoment moment) {
    try {
      outbox.publish(moment);
    } catch (RuntimeException e) {
      log.warn(
          "{}/{}: could not write the {} notification ({})",
          moment.namespace(),
          moment.policyName(),
          moment.type(),
          e.toString());
    }
  }
}
