package dev.failover.core.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * An SLA at risk, raised and not cleared yet.
 *
 * @param raisedAt when it was raised; with the policy, it names the occurrence
 * @param window the most severe row of the alert table that fired since
 * @param lastFiringAt the last time any row fired
 */
public record SlaRisk(Instant raisedAt, AlertWindow window, Instant lastFiringAt) {
  public SlaRisk {
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(lastFiringAt, "lastFiringAt");
  }
}
