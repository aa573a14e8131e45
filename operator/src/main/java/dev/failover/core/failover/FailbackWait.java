package dev.failover.core.failover;

import java.util.Objects;

/**
 * An automatic failback that may not start yet: {@code inFlight} failbacks to {@code dataCenter}
 * already run, and at most {@code limit} may. The workload stays where it serves and asks again
 * soon.
 *
 * @param firstLook whether this is the first time the policy is told to wait, since it last started
 *     or gave up wanting a failback: only then is the wait told as an Event
 */
public record FailbackWait(String dataCenter, int inFlight, int limit, boolean firstLook) {

  public FailbackWait {
    Objects.requireNonNull(dataCenter, "dataCenter");
  }

  /** For people: "2 of 2 failbacks to toronto in flight". */
  public String why() {
    return inFlight + " of " + limit + " failbacks to " + dataCenter + " in flight";
  }
}
