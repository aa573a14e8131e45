package dev.failover.core.sla;

/** How urgently an SLA at risk needs a person: the SRE workbook's page and ticket levels. */
public enum AlertSeverity {
  Page,
  Ticket
}
