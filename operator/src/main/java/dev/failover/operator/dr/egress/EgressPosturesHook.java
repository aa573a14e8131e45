package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.dr.DrEgress;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The disaster-recovery mode's egress hook, carried out by {@link EgressPostures}: what the mode
 * needs of a posture put on (when to refresh it, what it lacks) out of its full status.
 */
public final class EgressPosturesHook implements DrEgress {
  private final EgressPostures postures;

  public EgressPosturesHook(EgressPostures postures) {
    this.postures = postures;
  }

  @Override
  public Entered enter(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    EgressStatus status = postures.enter(policy, dataCenter, member);
    return new Entered(status.nextRefresh(), status.problems());
  }

  @Override
  public void leave(FailoverPolicy policy, String dataCenter, KubernetesClient member) {
    postures.leave(policy, dataCenter, member);
  }
}
