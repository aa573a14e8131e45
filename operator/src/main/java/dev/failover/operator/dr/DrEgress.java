package dev.failover.operator.dr;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Puts a policy's disaster-recovery egress posture ({@code spec.disasterRecovery.egress}) on and
 * off in one data center. Called when the mode is entered (in the serving data center), when a
 * failover lands in a data center while the mode is on, and when the mode ends (in every data
 * center it was put on). Both calls must be idempotent: a failed call (it throws) is retried at a
 * later reconcile, and a restarted operator may repeat one.
 */
public interface DrEgress {
  /** Nothing: egress stays as it is. */
  DrEgress NONE =
      new DrEgress() {
        @Override
        public void enter(FailoverPolicy policy, String dataCenter, KubernetesClient member) {}

        @Override
        public void leave(FailoverPolicy policy, String dataCenter, KubernetesClient member) {}
      };

  /** Puts the posture on in {@code dataCenter}, through its client {@code member}. */
  void enter(FailoverPolicy policy, String dataCenter, KubernetesClient member);

  /** Removes exactly what {@link #enter} added there, and nothing else. */
  void leave(FailoverPolicy policy, String dataCenter, KubernetesClient member);
}
