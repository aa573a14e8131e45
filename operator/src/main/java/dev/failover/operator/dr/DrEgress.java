package dev.failover.operator.dr;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        public Entered enter(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
          return Entered.COMPLETE;
        }

        @Override
        public void leave(FailoverPolicy policy, String dataCenter, KubernetesClient member) {}
      };

  /**
   * Puts the posture on in {@code dataCenter}, through its client {@code member}, or brings it up
   * to date there (resolved hostnames, the managed list).
   */
  Entered enter(FailoverPolicy policy, String dataCenter, KubernetesClient member);

  /** Removes exactly what {@link #enter} added there, and nothing else. */
  void leave(FailoverPolicy policy, String dataCenter, KubernetesClient member);

  /**
   * What a posture put on needs next.
   *
   * @param refreshAt when to call {@link #enter} again (a hostname's TTL runs out, the allowlist's
   *     refresh interval passes); empty when the posture needs no refresh
   * @param problems what allows less than the spec asks, one sentence each (a hostname without an
   *     answer, a failed list refresh); empty when the posture is complete
   */
  record Entered(Optional<Instant> refreshAt, List<String> problems) {
    public static final Entered COMPLETE = new Entered(Optional.empty(), List.of());

    public Entered {
      problems = List.copyOf(problems);
    }
  }
}
