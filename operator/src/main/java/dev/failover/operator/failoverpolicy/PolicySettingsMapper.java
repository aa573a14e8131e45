package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicySpec;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.DurationText;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The parts of a policy's spec that steer failover, in the core's terms. */
public final class PolicySettingsMapper {
  private PolicySettingsMapper() {}

  public static PolicySettings settings(FailoverPolicySpec spec) {
    var placement = spec.getPlacement();
    return new PolicySettings(
        new PlacementPreference(
            Optional.ofNullable(placement.getStrategy()).orElse(PlacementStrategy.Priority),
            placement.getPrimary(),
            Optional.ofNullable(placement.getSecondaries()).orElse(List.of())),
        Optional.ofNullable(spec.getStandby()).orElse(StandbyMode.Hot),
        spec.getFailback() == null || spec.getFailback().getMode() == null
            ? FailbackMode.Automatic
            : spec.getFailback().getMode(),
        moveDeadline(spec));
  }

  /** The RTO bounds each target of a move; a zero or unreadable one falls back to the default. */
  private static Duration moveDeadline(FailoverPolicySpec spec) {
    String rto = spec.getObjectives() == null ? null : spec.getObjectives().getRto();
    try {
      Duration deadline = rto == null ? null : DurationText.parse(rto);
      return deadline == null || deadline.isZero() || deadline.isNegative()
          ? PolicySettings.DEFAULT_MOVE_DEADLINE
          : deadline;
    } catch (IllegalArgumentException e) {
      return PolicySettings.DEFAULT_MOVE_DEADLINE;
    }
  }

  /** The policy's manual action, if it has one. */
  static ManualAction action(FailoverPolicySpec spec) {
    var action = spec.getAction();
    if (action == null || action.getId() == null || action.getType() == null) {
      return null;
    }
    return switch (action.getType()) {
      case FailoverTo -> ManualAction.failoverTo(action.getId(), action.getTarget());
      case Failback -> ManualAction.failback(action.getId());
    };
  }
}
