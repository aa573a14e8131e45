package dev.failover.core.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A data center taken out of service by a person: until a time (an exclusion window), or with no
 * end (a drain) when {@code until} is null.
 */
public record Exclusion(Instant until, String reason) {

  public Exclusion {
    Objects.requireNonNull(reason, "reason");
  }

  public static Exclusion endingAt(Instant until, String reason) {
    return new Exclusion(Objects.requireNonNull(until, "until"), reason);
  }

  public static Exclusion indefinite(String reason) {
    return new Exclusion(null, reason);
  }

  /** The end instant itself is no longer excluded, so an exclusion "until 10:00" ends at 10:00. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }

  String describe() {
    String why = reason.isBlank() ? "" : ": " + reason;
    return until == null ? "drained" + why : "excluded until " + until + why;
  }
}
