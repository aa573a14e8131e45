package dev.failover.core.dr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where the egress posture is put on or taken off. In disaster-recovery mode it goes on in the data
 * center that serves the workload (after a failover, the new one too) and stays wherever it was put
 * until the mode ends: a data center the workload left is fenced anyway, and one that returns keeps
 * the posture until normal operation. Once the mode is off it comes off everywhere it was put.
 *
 * @param enter data centers to put the posture on, once each
 * @param leave data centers to take it off
 */
public record EgressPlan(List<String> enter, List<String> leave) {
  public EgressPlan {
    enter = List.copyOf(enter);
    leave = List.copyOf(leave);
  }

  /**
   * @param serving the data center serving the workload; null when none does
   * @param entered where the posture is on now (the status keeps it)
   */
  public static EgressPlan of(DrMode mode, String serving, Collection<String> entered) {
    List<String> enter = new ArrayList<>();
    List<String> leave = new ArrayList<>();
    if (mode == DrMode.on) {
      if (serving != null && !entered.contains(serving)) {
        enter.add(serving);
      }
    } else {
      leave.addAll(entered);
    }
    return new EgressPlan(enter, leave);
  }

  public boolean isEmpty() {
    return enter.isEmpty() && leave.isEmpty();
  }
}
