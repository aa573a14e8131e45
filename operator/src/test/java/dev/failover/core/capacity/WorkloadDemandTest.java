package dev.failover.core.capacity;

import static dev.failover.core.capacity.PodRequestsTest.requesting;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import org.junit.jupiter.api.Test;

class WorkloadDemandTest {
  private static final long MI = 1L << 20;
  private static final PodSpec WEB =
      new PodSpecBuilder().withContainers(requesting("500m", "256Mi")).build();
  private static final PodSpec DB =
      new PodSpecBuilder().withContainers(requesting("2", "4Gi")).build();

  private static final WorkloadDemand SHOP = WorkloadDemand.NONE.plus(3, WEB).plus(1, DB);

  @Test
  void isReplicasTimesTheirPodsRequestsAddedUp() {
    assertThat(SHOP.atFullSize()).isEqualTo(new Resources(3500, 4864 * MI));
    assertThat(SHOP.replicas()).isEqualTo(4);
  }

  @Test
  void aCopyAtFullSizeNeedsNothingMore() {
    assertThat(SHOP.extraWith(4)).isEqualTo(Resources.NONE);
    assertThat(SHOP.extraWith(5)).isEqualTo(Resources.NONE);
  }

  @Test
  void aCopyScaledToZeroOrAbsentNeedsEverything() {
    assertThat(SHOP.extraWith(0)).isEqualTo(SHOP.atFullSize());
  }

  @Test
  void aCopyShortOfFullSizeCountsAsNone() {
    assertThat(SHOP.extraWith(3)).isEqualTo(SHOP.atFullSize());
  }

  @Test
  void aWorkloadWithoutReplicasNeedsNothing() {
    assertThat(WorkloadDemand.NONE.extraWith(0)).isEqualTo(Resources.NONE);
    assertThat(WorkloadDemand.NONE.plus(0, DB).extraWith(0)).isEqualTo(Resources.NONE);
  }
}
