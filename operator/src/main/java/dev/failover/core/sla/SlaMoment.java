package dev.failover.core.sla;

import java.time.Instant;

/** Something the ledger found worth telling people, once per occurrence. */
public sealed interface SlaMoment {
  /** The SLA was put at risk. */
  record RiskRaised(SlaRisk risk) implements SlaMoment {}

  /** The risk raised at {@code risk.raisedAt()} is over. */
  record RiskCleared(SlaRisk risk, Instant clearedAt) implements SlaMoment {}

  /** A calendar month ended; its figures are final. */
  record MonthClosed(MonthSummary summary) implements SlaMoment {}
}
