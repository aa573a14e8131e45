package dev.failover.core.capacity;

import static dev.failover.core.capacity.PodRequestsTest.quantities;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeUsageTest {
  private static final Instant EARLY = Instant.parse("2026-12-01T04:07:22Z");
  private static final Instant LATE = Instant.parse("2026-12-01T04:07:37Z");

  private static Node node(String name, String ready, boolean cordoned) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withUnschedulable(cordoned)
        .endSpec()
        .withNewStatus()
        .withAllocatable(quantities("32", "256Gi"))
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }

  private static NodeMetrics metrics(String node, String cpu, Instant at) {
    return new NodeMetricsBuilder()
        .withNewMetadata()
        .withName(node)
        .endMetadata()
        .withTimestamp(at.toString())
        .withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("2Gi")))
        .build();
  }

  @Test
  void sumsTheUsageOfTheUsableNodesAndDatesItByTheOldestFigure() {
    assertThat(
            NodeUsage.measure(
                List.of(node("a", "True", false), node("b", "True", false)),
                List.of(metrics("a", "5994665928n", LATE), metrics("b", "2500m", EARLY))))
        // Millicores round up, as requests do: 5994.67m is 5995m.
        .hasValue(new CpuUsage(5995 + 2500, EARLY));
  }

  @Test
  void aUsableNodeWithoutAFigureMakesTheUsageUnknownNotLow() {
    assertThat(
            NodeUsage.measure(
                List.of(node("a", "True", false), node("b", "True", false)),
                List.of(metrics("a", "16", LATE))))
        .isEmpty();
  }

  @Test
  void nodesThatTakeNoWorkCountNeitherWayLikeTheirAllocatable() {
    // b is NotReady and c cordoned: ClusterCapacity leaves their allocatable out, so their usage
    // is left out too, and their missing figures do not make the sum unknown.
    assertThat(
            NodeUsage.measure(
                List.of(
                    node("a", "True", false), node("b", "False", false), node("c", "True", true)),
                List.of(metrics("a", "4", LATE), metrics("c", "30", LATE))))
        .hasValue(new CpuUsage(4000, LATE));
  }

  @Test
  void noUsableNodesOrNoFiguresAtAllIsUnknown() {
    assertThat(NodeUsage.measure(List.of(), List.of())).isEmpty();
    assertThat(NodeUsage.measure(List.of(node("a", "True", false)), List.of())).isEmpty();
  }

  @Test
  void aFigureWithoutATimestampOrCpuIsNoFigure() {
    NodeMetrics noTime = metrics("a", "4", LATE);
    noTime.setTimestamp(null);
    NodeMetrics badTime = metrics("a", "4", LATE);
    badTime.setTimestamp("yesterday");
    NodeMetrics noCpu = metrics("a", "4", LATE);
    noCpu.setUsage(Map.of("memory", new Quantity("1Gi")));
    for (NodeMetrics figure : List.of(noTime, badTime, noCpu)) {
      assertThat(NodeUsage.measure(List.of(node("a", "True", false)), List.of(figure))).isEmpty();
    }
  }

  @Test
  void utilizationIsUsageOverAllocatable() {
    CapacitySnapshot measured =
        new CapacitySnapshot(new Resources(64_000, 1L << 30), Resources.NONE, 2, LATE)
            .withCpuUsage(java.util.Optional.of(new CpuUsage(32_000, LATE)));
    assertThat(measured.cpuUtilizationPercent().getAsDouble()).isEqualTo(50.0);
    assertThat(
            new CapacitySnapshot(Resources.NONE, Resources.NONE, 0, LATE)
                .withCpuUsage(java.util.Optional.of(new CpuUsage(1, LATE)))
                .cpuUtilizationPercent())
        .as("nothing allocatable: no share")
        .isEmpty();
    assertThat(
            new CapacitySnapshot(new Resources(64_000, 1L), Resources.NONE, 2, LATE)
                .cpuUtilizationPercent())
        .isEmpty();
  }
}
