package dev.failover.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One probe of a data center: when it ran, how it ended and how long it took. */
public record ProbeResult(Instant at, ProbeOutcome outcome, Duration latency) {

  public ProbeResult {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("probe latency must not be negative, was " + latency);
    }
  }

  public static ProbeResult succeeded(Instant at, Duration latency) {
    return new ProbeResult(at, ProbeOutcome.Succeeded, latency);
  }

  public static ProbeResult timedOut(Instant at, Duration timeout) {
    return new ProbeResult(at, ProbeOutcome.TimedOut, timeout);
  }

  public static ProbeResult refused(Instant at, Duration latency) {
    return new ProbeResult(at, ProbeOutcome.Refused, latency);
  }

  /** Only a success is ok: a credential fault is neither ok nor a failure. */
  public boolean ok() {
    return outcome == ProbeOutcome.Succeeded;
  }
}
