package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import java.util.Objects;

/** One fault of a test: its kind and what it acts on (a workload, Service or ConfigMap name). */
public record PlannedFault(FaultKind kind, String target) {
  public PlannedFault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }
}
