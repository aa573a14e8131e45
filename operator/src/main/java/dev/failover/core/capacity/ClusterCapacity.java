package dev.failover.core.capacity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures a data center from its nodes and pods. A node counts when it is Ready, not cordoned and
 * has no NoSchedule or NoExecute taint: only there can a workload that fails over be placed. A pod
 * counts when it is bound to a counted node and has not finished (Succeeded or Failed), with {@link
 * PodRequests} as its request; a terminating pod still holds its share until it is gone.
 */
public final class ClusterCapacity {
  private static final Set<String> BLOCKING_TAINTS = Set.of("NoSchedule", "NoExecute");
  private static final Set<String> FINISHED = Set.of("Succeeded", "Failed");

  private ClusterCapacity() {}

  /**
   * @throws IllegalArgumentException when an allocatable amount or a request is not a quantity
   */
  public static CapacitySnapshot measure(
      Collection<Node> nodes, Collection<Pod> pods, Instant measuredAt) {
    List<Node> usable = nodes.stream().filter(ClusterCapacity::usable).toList();
    Set<String> usableNames =
        usable.stream().map(node -> node.getMetadata().getName()).collect(Collectors.toSet());
    Resources allocatable =
        usable.stream()
            .map(node -> PodRequests.amounts(node.getStatus().getAllocatable()))
            .reduce(Resources.NONE, Resources::plus);
    Resources requested =
        pods.stream()
            .filter(pod -> holdsItsShare(pod, usableNames))
            .map(pod -> PodRequests.of(pod.getSpec()))
            .reduce(Resources.NONE, Resources::plus);
    return new CapacitySnapshot(allocatable, requested, usable.size(), measuredAt);
  }

  static boolean usable(Node node) {
    boolean cordoned =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    List<Taint> taints = node.getSpec() == null ? null : node.getSpec().getTaints();
    boolean tainted =
        taints != null && taints.stream().anyMatch(t -> BLOCKING_TAINTS.contains(t.getEffect()));
    return ready(node) && !cordoned && !tainted;
  }

  private static boolean ready(Node node) {
    List<NodeCondition> conditions =
        node.getStatus() == null ? null : node.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean holdsItsShare(Pod pod, Set<String> usableNodes) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return node != null
        && usableNodes.contains(node)
        && (phase == null || !FINISHED.contains(phase));
  }
}
