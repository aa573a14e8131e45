package dev.failover.core.capacity;

import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * What one policy's workload asks for in a data center at full size: its Deployments' and
 * StatefulSets' replicas times their pods' {@link PodRequests}.
 *
 * @param replicas all the pods at full size, to tell a copy at full size from a smaller one
 */
public record WorkloadDemand(Resources atFullSize, int replicas) {
  public static final WorkloadDemand NONE = new WorkloadDemand(Resources.NONE, 0);

  /**
   * @throws IllegalArgumentException when a request or limit is not a quantity
   */
  public WorkloadDemand plus(int replicas, PodSpec template) {
    return new WorkloadDemand(
        atFullSize.plus(PodRequests.of(template).times(replicas)), this.replicas + replicas);
  }

  /**
   * What a move to a data center adds there, where {@code runningReplicas} of the workload already
   * run (a Hot standby: all of them; a Warm one: none). A copy short of full size counts as none:
   * copies are scaled as a whole, so a partial one is brief, and counting it whole errs on the side
   * of a data center that can take the entire workload.
   */
  public Resources extraWith(int runningReplicas) {
    return runningReplicas >= replicas ? Resources.NONE : atFullSize;
  }
}
