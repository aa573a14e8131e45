package dev.failover.core.restoregate;

import dev.failover.api.v1alpha1.failoverpolicy.RestoreGateState;
import java.time.Instant;
import java.util.Objects;

/**
 * A data center held out of production for its restore test, as persisted in the policy status.
 *
 * @param restoredAt when it was seen back; null while it is still unreachable
 * @param test the ChaosRestoreTest created for this restoration; null until then
 * @param message what it waits for, for people
 */
public record Gate(
    String dataCenter,
    RestoreGateState state,
    Instant blackoutAt,
    Instant restoredAt,
    String test,
    String message) {

  public Gate {
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(blackoutAt, "blackoutAt");
    Objects.requireNonNull(message, "message");
  }

  /** A gate for a data center that just blacked out under the workload. */
  static Gate opened(String dataCenter, Instant blackoutAt) {
    return new Gate(
        dataCenter,
        RestoreGateState.AwaitingRestoration,
        blackoutAt,
        null,
        null,
        dataCenter
            + " is unreachable; once it returns, a restore test must pass before it takes this"
            + " policy's production traffic again");
  }

  Gate with(RestoreGateState nextState, String nextMessage) {
    return new Gate(dataCenter, nextState, blackoutAt, restoredAt, test, nextMessage);
  }
}
