package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecoveryStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.dr.CriticalApplications;
import dev.failover.core.dr.DrMode;
import java.util.Set;

/**
 * Disaster-recovery mode's "critical applications only", read where the workload is rendered: the
 * policy's status says whether the mode is on (it is persisted before any apply), so every apply in
 * every data center, a failover's included, holds the same objects at zero, and a restarted
 * operator renders the same.
 */
public final class CriticalOnlyPosture {
  private CriticalOnlyPosture() {}

  /** The Deployments and StatefulSets held at zero now, by name. */
  public static Set<String> heldAtZero(FailoverPolicy policy) {
    DisasterRecoveryStatus status =
        policy.getStatus() == null ? null : policy.getStatus().getDisasterRecovery();
    boolean on = status != null && Boolean.TRUE.equals(status.getActive());
    return heldAtZero(policy, on ? DrMode.on : DrMode.off);
  }

  /** Those held at zero in {@code mode}. */
  public static Set<String> heldAtZero(FailoverPolicy policy, DrMode mode) {
    var workload = policy.getSpec().getWorkload();
    return CriticalApplications.heldAtZero(
        mode,
        workload.getManifests().stream()
            .filter(WorkloadManifests::isScalable)
            .filter(manifest -> manifest.getMetadata() != null)
            .map(manifest -> manifest.getMetadata().getName())
            .toList(),
        workload.getCriticalApplications());
  }
}
