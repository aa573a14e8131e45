package dev.failover.core.health;

/** How one probe of a data center ended. */
public enum ProbeOutcome {
  Succeeded,
  /** No answer within the probe timeout; counts as a failure exactly like a refusal. */
  TimedOut,
  /** Connection refused, TLS or HTTP error: the data center answered, but not well. */
  Refused;

  public boolean failed() {
    return this != Succeeded;
  }
}
