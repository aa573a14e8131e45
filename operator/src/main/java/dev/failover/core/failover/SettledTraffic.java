package dev.failover.core.failover;

import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import java.util.List;

/**
 * A settled policy's decision always says where its traffic should point; when the DNS record
 * already points there, sending it again changes nothing and costs a hub request on every look (a
 * thousand policies made most of the hub's traffic at rest that way). Moves keep every action:
 * their steps are counted (crash points) and their record is checked as they go.
 */
public final class SettledTraffic {
  private SettledTraffic() {}

  /**
   * @param progress the progress the actions lead to
   * @param trafficTarget where the policy's DNS record points now; null when nowhere
   */
  public static List<FailoverAction> withoutRepublishing(
      List<FailoverAction> actions, FailoverProgress progress, String trafficTarget) {
    if (progress.currentStep() != null || trafficTarget == null) {
      return actions;
    }
    return actions.stream()
        .filter(
            action ->
                !(action instanceof PointTrafficAt point
                    && point.dataCenter().equals(trafficTarget)))
        .toList();
  }
}
