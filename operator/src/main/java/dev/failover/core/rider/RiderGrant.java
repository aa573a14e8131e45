package dev.failover.core.rider;

import java.util.List;

/** One grant of a rider: these subjects get these tasks' roles. */
public record RiderGrant(List<Subject> subjects, List<TaskRole> roles) {
  public RiderGrant {
    subjects = List.copyOf(subjects);
    roles = List.copyOf(roles);
  }
}
