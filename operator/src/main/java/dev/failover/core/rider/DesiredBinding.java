package dev.failover.core.rider;

import java.util.List;

/** A RoleBinding the rider's grants call for: one task role, in one namespace, to its subjects. */
public record DesiredBinding(String namespace, String name, TaskRole role, List<Subject> subjects) {
  public DesiredBinding {
    subjects = List.copyOf(subjects);
  }
}
