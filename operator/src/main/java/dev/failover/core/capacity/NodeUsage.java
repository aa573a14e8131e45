package dev.failover.core.capacity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CPU in use on a data center's usable nodes (those {@link ClusterCapacity} counts), from the
 * {@code metrics.k8s.io} NodeMetrics. Unknown unless every usable node has a figure: a node without
 * one is not idle, it is unmeasured, and an average over the others would read low. metrics-server
 * has no figure for a node for about 30 s after it, or the data center, starts.
 */
public final class NodeUsage {
  private NodeUsage() {}

  public static Optional<CpuUsage> measure(
      Collection<Node> nodes, Collection<NodeMetrics> metrics) {
    Map<String, NodeMetrics> byNode =
        metrics.stream()
            .filter(m -> m.getMetadata() != null && m.getMetadata().getName() != null)
            .collect(
                Collectors.toMap(m -> m.getMetadata().getName(), Function.identity(), (a, b) -> a));
    long used = 0;
    Instant oldest = null;
    boolean any = false;
    for (Node node : nodes) {
      if (!ClusterCapacity.usable(node)) {
        continue;
      }
      NodeMetrics figure = byNode.get(node.getMetadata().getName());
      Optional<Instant> at = figure == null ? Optional.empty() : sampledAt(figure);
      Quantity cpu =
          figure == null || figure.getUsage() == null ? null : figure.getUsage().get("cpu");
      if (cpu == null || at.isEmpty()) {
        return Optional.empty();
      }
      used = Math.addExact(used, QuantityText.cpuMillis(cpu));
      oldest = oldest == null || at.get().isBefore(oldest) ? at.get() : oldest;
      any = true;
    }
    return any ? Optional.of(new CpuUsage(used, oldest)) : Optional.empty();
  }

  private static Optional<Instant> sampledAt(NodeMetrics figure) {
    try {
      return Optional.ofNullable(figure.getTimestamp()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
