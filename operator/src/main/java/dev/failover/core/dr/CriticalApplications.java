package dev.failover.core.dr;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a workload's scalable objects (Deployments and StatefulSets) are held at zero replicas:
 * in disaster-recovery mode every one whose name is not a critical application, otherwise none.
 * Objects that are not scalable (Services, ConfigMaps, HorizontalPodAutoscalers...) are never held:
 * a critical application may need them, and an autoscaler does nothing to a target at zero.
 */
public final class CriticalApplications {
  private CriticalApplications() {}

  /**
   * @param scalableNames the names of the workload's Deployments and StatefulSets, in order
   * @param critical {@code workload.criticalApplications}; null or empty means none
   */
  public static Set<String> heldAtZero(
      DrMode mode, List<String> scalableNames, Collection<String> critical) {
    Set<String> held = new LinkedHashSet<>();
    if (mode != DrMode.on) {
      return held;
    }
    for (String name : scalableNames) {
      if (critical == null || !critical.contains(name)) {
        held.add(name);
      }
    }
    return held;
  }
}
