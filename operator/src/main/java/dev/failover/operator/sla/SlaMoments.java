package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The SLA moments people are told about. The ledger calls each once per occurrence; a crash between
 * the call and the status write repeats it with the same {@code occurrenceId}, so a receiver that
 * keys on it (an Event name, the outbox's idempotency key) tells it once.
 */
public interface SlaMoments {
  /**
   * The SLA is at risk: a burn-rate window fired.
   *
   * @param risk its occurrence id is the policy's uid and the time it was raised
   */
  void slaAtRiskRaised(FailoverPolicy policy, AtRisk risk);

  /** The risk raised at {@code risk.raisedAt()} is over; same occurrence id as its raise. */
  void slaAtRiskCleared(FailoverPolicy policy, AtRisk risk, Instant clearedAt);

  /** A closed month's availability earned a credit under the rider's tiers. */
  void slaCreditDue(FailoverPolicy policy, CreditDue due);

  /**
   * @param occurrenceId {@code <policy uid>/SlaAtRisk/<raisedAt>}
   * @param window the burn-rate window that fired, e.g. {@code 1h/5m}
   * @param severity Page or Ticket
   * @param budgetRemainingSeconds the month's error budget left at the raise
   */
  record AtRisk(
      String occurrenceId,
      Instant raisedAt,
      String window,
      String severity,
      String monthToDatePercent,
      long budgetRemainingSeconds) {}

  /**
   * @param occurrenceId {@code <policy uid>/SlaCreditDue/<YYYY-MM>}
   * @param credit what is due, as a Notification's {@code slaTerms}
   */
  record CreditDue(String occurrenceId, YearMonth month, SlaCredit credit) {}
}
