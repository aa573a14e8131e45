package dev.failover.core.failover;

import java.util.Optional;

/**
 * Which actions a move needs in order to progress, and which may fail without holding it up.
 *
 * <p>Required: pointing traffic, and anything done in the active data center, the target being
 * promoted or the data center being left (fenced at FenceOldActive). Everything else is a
 * bystander: standbys kept in their mode, and returned data centers awaiting a fence. A bystander
 * that fails (times out, runs out of quota, is refused by a webhook, lacks a CRD) is retried later
 * with back-off and reported, but never delays the target's promotion or the traffic switch. Safety
 * does not depend on it: a data center awaiting its fence is never a target until its fence is
 * seen. Events and history records are reports, never required.
 */
public final class RequiredActions {
  private RequiredActions() {}

  public static boolean required(FailoverAction action, FailoverProgress progress) {
    if (action instanceof FailoverAction.PointTrafficAt) {
      return true;
    }
    return dataCenterOf(action).map(dataCenter -> inTheMove(dataCenter, progress)).orElse(false);
  }

  /** The data center an action acts on; empty for traffic and reports. */
  public static Optional<String> dataCenterOf(FailoverAction action) {
    if (action instanceof FailoverAction.EnsureWorkload ensure) {
      return Optional.of(ensure.dataCenter());
    }
    if (action instanceof FailoverAction.RemoveWorkload remove) {
      return Optional.of(remove.dataCenter());
    }
    if (action instanceof FailoverAction.Fence fence) {
      return Optional.of(fence.dataCenter());
    }
    return Optional.empty();
  }

  private static boolean inTheMove(String dataCenter, FailoverProgress progress) {
    if (dataCenter.equals(progress.activeDataCenter())) {
      return true;
    }
    InFlightFailover move = progress.inFlight();
    return move != null && (dataCenter.equals(move.to()) || dataCenter.equals(move.from()));
  }
}
