package dev.failover.core.rto;

import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import java.time.Duration;
import java.util.Objects;

/**
 * What a policy's RTO has to cover: detection settings, standby mode and the time budgets of the
 * steps after detection.
 *
 * @param switchBudget reconcile plus DNS update, from Available to traffic on the new data center
 */
public record RtoInputs(
    int failureThreshold,
    Duration probeInterval,
    Duration probeTimeout,
    StandbyMode standbyMode,
    PromotionBudgets promotionBudgets,
    Duration switchBudget,
    Duration rto) {

  public RtoInputs {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException(
          "failureThreshold must be at least 1, was " + failureThreshold);
    }
    requirePositive("probeInterval", probeInterval);
    requireNotNegative("probeTimeout", probeTimeout);
    Objects.requireNonNull(standbyMode, "standbyMode");
    Objects.requireNonNull(promotionBudgets, "promotionBudgets");
    requireNotNegative("switchBudget", switchBudget);
    requirePositive("rto", rto);
  }

  static void requireNotNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
