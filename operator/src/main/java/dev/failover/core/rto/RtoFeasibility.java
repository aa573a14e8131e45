package dev.failover.core.rto;

import dev.failover.core.DurationText;
import java.time.Duration;

/**
 * The worst-case time from a blackout to traffic on the new data center, against the RTO.
 *
 * <p>Worst-case detection is failureThreshold × probeInterval + probeTimeout: the data center dies
 * just after a good probe, the next probe starts one interval later and times out, and so on until
 * the threshold. Then the standby is promoted (its mode's budget) and traffic is switched (the
 * reconcile and DNS budget). The policy is feasible when the sum is at most the RTO.
 */
public final class RtoFeasibility {
  private RtoFeasibility() {}

  public static RtoAssessment assess(RtoInputs inputs) {
    Duration detection =
        inputs.probeInterval().multipliedBy(inputs.failureThreshold()).plus(inputs.probeTimeout());
    Duration promotion = inputs.promotionBudgets().forMode(inputs.standbyMode());
    Duration worstCase = detection.plus(promotion).plus(inputs.switchBudget());
    boolean feasible = worstCase.compareTo(inputs.rto()) <= 0;
    String message =
        "detection "
            + inputs.failureThreshold()
            + "×"
            + DurationText.format(inputs.probeInterval())
            + "+"
            + DurationText.format(inputs.probeTimeout())
            + "="
            + DurationText.format(detection)
            + " + promote ("
            + inputs.standbyMode()
            + ") "
            + DurationText.format(promotion)
            + " + switch "
            + DurationText.format(inputs.switchBudget())
            + " = "
            + DurationText.format(worstCase)
            + (feasible ? " ≤ RTO " : " > RTO ")
            + DurationText.format(inputs.rto());
    return new RtoAssessment(
        feasible, detection, promotion, inputs.switchBudget(), worstCase, inputs.rto(), message);
  }
}
