package dev.failover.core.failover;

import java.util.List;
import java.util.Objects;

/**
 * What to do next: tell the Events, persist {@code progress}, carry out the other actions, then
 * decide again. Every action follows from the progress, so one that fails (or never ran, after a
 * crash) is simply issued again by the next decision.
 *
 * @param message one line for the policy's Ready condition, such as "Failing over from a to b
 *     (blackout): waiting for the workload to become Available in b"
 */
public record FailoverDecision(
    FailoverProgress progress, List<FailoverAction> actions, String message) {

  public FailoverDecision {
    Objects.requireNonNull(progress, "progress");
    actions = List.copyOf(actions);
    Objects.requireNonNull(message, "message");
  }

  public <T extends FailoverAction> List<T> actionsOf(Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
