package dev.failover.core.failover;

/**
 * What the policy's workload looks like in one data center.
 *
 * @param applied the workload objects exist there
 * @param replicas the replicas its spec asks for (0 when scaled down)
 * @param available the workload reports Available
 */
public record WorkloadObservation(boolean applied, int replicas, boolean available) {

  public static WorkloadObservation absent() {
    return new WorkloadObservation(false, 0, false);
  }

  public static WorkloadObservation scaledDown() {
    return new WorkloadObservation(true, 0, false);
  }

  public static WorkloadObservation running(int replicas, boolean available) {
    return new WorkloadObservation(true, replicas, available);
  }

  /** Nothing runs there: scaled to zero or not applied at all. */
  public boolean fenced() {
    return !applied || replicas == 0;
  }

  public boolean scaledUp() {
    return applied && replicas > 0;
  }
}
