package dev.failover.core.failover;

import java.util.Objects;

/**
 * A manual action from the policy spec. The id makes it idempotent: an action whose id equals the
 * last handled one is not acted on again.
 *
 * @param target the data center for {@code FailoverTo}; ignored for {@code Failback}
 */
public record ManualAction(String id, ManualActionType type, String target) {

  public ManualAction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
  }

  public static ManualAction failoverTo(String id, String target) {
    return new ManualAction(id, ManualActionType.FailoverTo, target);
  }

  public static ManualAction failback(String id) {
    return new ManualAction(id, ManualActionType.Failback, null);
  }
}
