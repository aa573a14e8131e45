package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.status.ConditionEvents;
import java.time.Instant;
import java.util.Locale;

/**
 * Tells the SLA moments as Kubernetes Events on the policy, one per occurrence (the Event is named
 * after it): SlaAtRisk (Warning), SlaAtRiskCleared and SlaCreditDue. The notifications outbox takes
 * these moments over later; Events stay the operator-facing record.
 */
public final class EventSlaMoments implements SlaMoments {
  private final ConditionEvents events;

  public EventSlaMoments(ConditionEvents events) {
    this.events = events;
  }

  @Override
  public void slaAtRiskRaised(FailoverPolicy policy, AtRisk risk) {
    events.warningOnce(
        policy,
        "SlaAtRisk",
        eventSuffix(risk.raisedAt()),
        "The error budget burns too fast ("
            + risk.severity().toLowerCase(Locale.ROOT)
            + " window "
            + risk.window()
            + "): availability this month "
            + risk.monthToDatePercent()
            + " %, "
            + risk.budgetRemainingSeconds()
            + " s of the month's error budget left");
  }

  @Override
  public void slaAtRiskCleared(FailoverPolicy policy, AtRisk risk, Instant clearedAt) {
    events.normalOnce(
        policy,
        "SlaAtRiskCleared",
        eventSuffix(risk.raisedAt()),
        "The SLA is no longer at risk: no burn-rate window has fired since "
            + risk.raisedAt()
            + " plus the hold time; cleared at "
            + clearedAt);
  }

  @Override
  public void slaCreditDue(FailoverPolicy policy, CreditDue due) {
    events.warningOnce(
        policy,
        "SlaCreditDue",
        due.month().toString(),
        "Availability in "
            + due.month()
            + " (UTC) was "
            + due.credit().getMeasuredAvailabilityPercent()
            + " %, below the SLA: "
            + due.credit().getCreditPercent()
            + " % credit due as "
            + due.credit().getRemedy());
  }

  /** Event names allow lowercase letters, digits, dots and dashes only. */
  static String eventSuffix(Instant instant) {
    return instant.toString().toLowerCase(Locale.ROOT).replace(':', '-');
  }
}
