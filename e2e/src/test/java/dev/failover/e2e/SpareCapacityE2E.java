package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterCapacity;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.FakeDeployments;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chicago, the preferred secondary, is filled past its 20% reserve by someone else's pods; then
 * Toronto, where a policy runs with a warm standby, blacks out. The workload fails over to
 * Washington, the next data center with spare capacity, and Chicago is left alone.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpareCapacityE2E {
  private static final String FILLER_NAMESPACE = "capacity-filler";

  /** Measured every 15s, put into status within 10s of that. */
  private static final Duration MEASURED = Duration.ofSeconds(45);

  private static final Duration SETTLE = Duration.ofSeconds(60);

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator = world.operator();
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.dataCenter("chicago").client().namespaces().withName(FILLER_NAMESPACE).delete();
      world.close();
    }
  }

  @Test
  void aBlackoutSkipsTheSecondaryWithoutSpareCapacity() {
    fillChicago();
    DataCenterCapacity chicago =
        awaitCapacity("chicago", c -> Boolean.FALSE.equals(c.getReserveMet()));
    DataCenterCapacity washington =
        awaitCapacity("washington", c -> Boolean.TRUE.equals(c.getReserveMet()));
    assertThat(chicago.getFreePercent()).isLessThan(20.0);
    assertThat(chicago.getReadyNodes()).isEqualTo(Testbed.FAKE_NODES);
    System.out.println("chicago " + describe(chicago) + "; washington " + describe(washington));

    PolicyDraft policy =
        PolicyDraft.of("capacity-e2e", "shop")
            .withStandby(StandbyMode.Warm)
            .withManualFailback()
            .withRequests("1", "1Gi");
    PolicyWatch watch = policy.applyTo(world);
    PolicyEventLog events = new PolicyEventLog(world, policy.namespace(), policy.name());
    DataCenterCluster toronto = world.dataCenter("toronto");
    boolean down = false;
    try {
      Steady.explained(operator, 80, () -> watch.awaitActiveIn("toronto", SETTLE));

      toronto.stop();
      down = true;
      FailoverPolicyStatus moved =
          Steady.explained(operator, 80, () -> watch.awaitActiveIn("washington", SETTLE));

      assertThat(moved.getLastFailover().getFrom()).isEqualTo("toronto");
      assertThat(moved.getLastFailover().getReason()).isEqualTo("Blackout");
      events.await(
          "FailoverStarted",
          "from toronto to washington (Healthy): toronto is unreachable (blackout); passed over"
              + " for lack of spare capacity: chicago",
          SETTLE);
      assertThat(watch.replicas("washington", policy.deployment())).isEqualTo(PolicyDraft.REPLICAS);
      assertThat(watch.replicas("chicago", policy.deployment()))
          .as("a warm standby still")
          .isZero();
      assertThat(events.count("FailoverStarted")).isEqualTo(1);
    } finally {
      if (down) {
        toronto.start();
        world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
      }
      policy.deleteFrom(world);
    }
  }

  /** Two pods of 30 cores, one per fake node of 32: 6% of Chicago's CPU stays free. */
  private void fillChicago() {
    KubernetesClient chicago = world.dataCenter("chicago").client();
    chicago
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(FILLER_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    Deployment filler =
        FakeDeployments.fake(
            FILLER_NAMESPACE,
            "filler",
            2,
            Map.of("cpu", new Quantity("30"), "memory", new Quantity("1Gi")),
            Map.of());
    chicago.resource(filler).forceConflicts().serverSideApply();
  }

  private DataCenterCapacity awaitCapacity(String dataCenter, Predicate<DataCenterCapacity> what) {
    Instant deadline = Instant.now().plus(MEASURED);
    Optional<DataCenterCapacity> seen = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      DataCenter resource = world.dataCenterResource(dataCenter);
      seen = Optional.ofNullable(resource.getStatus()).map(s -> s.getCapacity());
      if (seen.filter(what).isPresent()) {
        return seen.get();
      }
      Sleep.of(Duration.ofMillis(500));
    }
    throw new AssertionError(
        dataCenter
            + "'s capacity not as expected within "
            + MEASURED
            + "; last seen: "
            + seen.map(SpareCapacityE2E::describe).orElse("none")
            + "\n"
            + operator.logTail(60));
  }

  private static String describe(DataCenterCapacity capacity) {
    return "cpu %s of %s, memory %s of %s requested, %s%% free, reserve met %s, measured at %s"
        .formatted(
            capacity.getRequestedCpu(),
            capacity.getAllocatableCpu(),
            capacity.getRequestedMemory(),
            capacity.getAllocatableMemory(),
            capacity.getFreePercent(),
            capacity.getReserveMet(),
            capacity.getMeasuredAt());
  }
}
