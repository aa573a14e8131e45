package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicySpec;
import dev.failover.core.DurationText;
import dev.failover.core.failover.DataCenterView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A policy's failback stabilization window: the primary must have been Healthy this long before the
 * workload returns to it. Until then the policy sees the primary as still on Probation, which the
 * failover core never fails back to.
 */
final class StabilizationWindow {
  private StabilizationWindow() {}

  static List<DataCenterView> apply(
      FailoverPolicySpec spec, String activeDataCenter, List<DataCenterView> views, Instant now) {
    if (spec.getFailback() == null || spec.getFailback().getStabilizationWindow() == null) {
      return views;
    }
    String primary = spec.getPlacement().getPrimary();
    // Before the first placement there is nothing to fail back from: a primary that has just
    // become Healthy (as every data center does when the operator starts) takes the workload.
    if (primary == null || activeDataCenter == null || primary.equals(activeDataCenter)) {
      return views;
    }
    Duration window = DurationText.parse(spec.getFailback().getStabilizationWindow());
    return views.stream().map(view -> stabilizing(view, primary, window, now)).toList();
  }

  private static DataCenterView stabilizing(
      DataCenterView view, String primary, Duration window, Instant now) {
    boolean tooRecent =
        view.name().equals(primary)
            && view.phase() == DataCenterPhase.Healthy
            && view.phaseSince().plus(window).isAfter(now);
    return tooRecent
        ? new DataCenterView(
            view.name(),
            DataCenterPhase.Probation,
            view.phaseSince(),
            view.p50Latency(),
            view.hasSpareCapacity(),
            view.reachable())
        : view;
  }
}
