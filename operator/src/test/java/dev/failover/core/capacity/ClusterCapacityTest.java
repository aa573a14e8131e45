package dev.failover.core.capacity;

import static dev.failover.core.capacity.PodRequestsTest.quantities;
import static dev.failover.core.capacity.PodRequestsTest.requesting;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterCapacityTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final long GI = 1L << 30;

  private static NodeBuilder node(String name, String ready) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withAllocatable(quantities("32", "256Gi"))
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus();
  }

  private static Node ready(String name) {
    return node(name, "True").build();
  }

  private static PodBuilder pod(String node, String phase, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withContainers(requesting(cpu, memory))
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus();
  }

  private static Pod running(String node, String cpu, String memory) {
    return pod(node, "Running", cpu, memory).build();
  }

  @Test
  void sumsReadyNodesAndTheRequestsOfThePodsBoundToThem() {
    CapacitySnapshot snapshot =
        ClusterCapacity.measure(
            List.of(ready("a"), ready("b")),
            List.of(running("a", "4", "16Gi"), running("b", "500m", "1Gi")),
            NOW);
    assertThat(snapshot.allocatable()).isEqualTo(new Resources(64_000, 512 * GI));
    assertThat(snapshot.requested()).isEqualTo(new Resources(4500, 17 * GI));
    assertThat(snapshot.readyNodes()).isEqualTo(2);
    assertThat(snapshot.measuredAt()).isEqualTo(NOW);
  }

  @Test
  void leavesOutNodesThatCannotTakeNewPodsAndThePodsOnThem() {
    Node notReady = node("not-ready", "False").build();
    Node unknown = node("unknown", "Unknown").build();
    Node cordoned = node("cordoned", "True").editSpec().withUnschedulable(true).endSpec().build();
    Node tainted =
        node("control-plane", "True")
            .editSpec()
            .addNewTaint()
            .withKey("node-role.kubernetes.io/control-plane")
            .withEffect("NoSchedule")
            .endTaint()
            .endSpec()
            .build();
    Node evicting =
        node("evicting", "True")
            .editSpec()
            .addNewTaint()
            .withKey("maintenance")
            .withEffect("NoExecute")
            .endTaint()
            .endSpec()
            .build();
    Node noConditions =
        new NodeBuilder(ready("silent")).editStatus().withConditions().endStatus().build();
    CapacitySnapshot snapshot =
        ClusterCapacity.measure(
            List.of(ready("a"), notReady, unknown, cordoned, tainted, evicting, noConditions),
            List.of(
                running("a", "1", "1Gi"),
                running("not-ready", "1", "1Gi"),
                running("cordoned", "1", "1Gi"),
                running("control-plane", "1", "1Gi")),
            NOW);
    assertThat(snapshot.readyNodes()).isEqualTo(1);
    assertThat(snapshot.allocatable()).isEqualTo(new Resources(32_000, 256 * GI));
    assertThat(snapshot.requested()).isEqualTo(new Resources(1000, GI));
  }

  @Test
  void aPreferNoScheduleTaintStillTakesPods() {
    Node preferred =
        node("a", "True")
            .editSpec()
            .addNewTaint()
            .withKey("spot")
            .withEffect("PreferNoSchedule")
            .endTaint()
            .endSpec()
            .build();
    assertThat(ClusterCapacity.measure(List.of(preferred), List.of(), NOW).readyNodes())
        .isEqualTo(1);
  }

  @Test
  void finishedAndUnboundPodsHoldNothingButTerminatingOnesStillDo() {
    Pod pending = pod(null, "Pending", "8", "8Gi").build();
    Pod succeeded = pod("a", "Succeeded", "8", "8Gi").build();
    Pod failed = pod("a", "Failed", "8", "8Gi").build();
    Pod bound = pod("a", "Pending", "1", "1Gi").build();
    Pod terminating =
        pod("a", "Running", "2", "2Gi")
            .editMetadata()
            .withDeletionTimestamp("2026-11-23T11:59:00Z")
            .endMetadata()
            .build();
    Pod noStatus = new PodBuilder(running("a", "4", "4Gi")).withStatus(null).build();
    CapacitySnapshot snapshot =
        ClusterCapacity.measure(
            List.of(ready("a")),
            List.of(pending, succeeded, failed, bound, terminating, noStatus),
            NOW);
    assertThat(snapshot.requested()).isEqualTo(new Resources(7000, 7 * GI));
  }

  @Test
  void aClusterWithoutReadyNodesIsNotKnown() {
    CapacitySnapshot none = ClusterCapacity.measure(List.of(), List.of(), NOW);
    assertThat(none.known()).isFalse();
    assertThat(none.readyNodes()).isZero();
    CapacitySnapshot allDown =
        ClusterCapacity.measure(List.of(node("a", "False").build()), List.of(), NOW);
    assertThat(allDown.known()).isFalse();
  }

  @Test
  void aNodeWithoutAllocatableOffersNothing() {
    Node empty = new NodeBuilder(ready("a")).editStatus().withAllocatable(null).endStatus().build();
    CapacitySnapshot snapshot = ClusterCapacity.measure(List.of(empty), List.of(), NOW);
    assertThat(snapshot.readyNodes()).isEqualTo(1);
    assertThat(snapshot.known()).isFalse();
  }
}
