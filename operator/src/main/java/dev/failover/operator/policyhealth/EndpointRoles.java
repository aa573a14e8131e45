package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.ManualActionType;
import dev.failover.core.failover.PolicySettings;

/**
 * Where a policy's workload is meant to answer, and which manual actions vouch for a data center.
 */
final class EndpointRoles {
  private EndpointRoles() {}

  /**
   * The active data center serves, and with a Hot standby so does every listed one. A data center
   * awaiting its fence serves nothing, whatever it still runs.
   */
  static boolean serves(String dataCenter, PolicySettings settings, FailoverProgress progress) {
    if (progress.awaitingFence().contains(dataCenter)) {
      return false;
    }
    return dataCenter.equals(progress.activeDataCenter())
        || (settings.standbyMode() == StandbyMode.Hot && settings.placement().includes(dataCenter));
  }

  /**
   * A new manual action that sends the workload to the data center: the person asking vouches for
   * it, so an endpoint verdict kept from when the workload last failed there no longer holds it
   * back. New means new to the stored progress: the whole reconcile that acts on it must see the
   * data center the same way.
   */
  static boolean vouchedFor(
      String dataCenter, ManualAction action, FailoverProgress stored, PolicySettings settings) {
    if (action == null || stored.hasHandled(action.id())) {
      return false;
    }
    return action.type() == ManualActionType.FailoverTo
        ? dataCenter.equals(action.target())
        : dataCenter.equals(settings.placement().primary());
  }
}
