package dev.failover.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodRequestsTest {
  private static final long MI = 1L << 20;

  static Container requesting(String cpu, String memory) {
    return new ContainerBuilder()
        .withName("c")
        .withResources(
            new ResourceRequirementsBuilder().withRequests(quantities(cpu, memory)).build())
        .build();
  }

  static Map<String, Quantity> quantities(String cpu, String memory) {
    return Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
  }

  private static Container sidecar(String cpu, String memory) {
    return new ContainerBuilder(requesting(cpu, memory)).withRestartPolicy("Always").build();
  }

  @Test
  void addsUpTheContainersRequests() {
    PodSpec spec =
        new PodSpecBuilder()
            .withContainers(requesting("250m", "64Mi"), requesting("1", "1Gi"))
            .build();
    assertThat(PodRequests.of(spec)).isEqualTo(new Resources(1250, 1088 * MI));
  }

  @Test
  void aPodWithoutRequestsAsksForNothing() {
    assertThat(PodRequests.of(new PodSpecBuilder().addNewContainer().endContainer().build()))
        .isEqualTo(Resources.NONE);
    assertThat(PodRequests.of(new PodSpec())).isEqualTo(Resources.NONE);
  }

  @Test
  void aLimitStandsInForARequestLeftOut() {
    Container limitedOnly =
        new ContainerBuilder()
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(Map.of("cpu", new Quantity("100m")))
                    .withLimits(quantities("2", "256Mi"))
                    .build())
            .build();
    assertThat(PodRequests.of(new PodSpecBuilder().withContainers(limitedOnly).build()))
        .isEqualTo(new Resources(100, 256 * MI));
  }

  @Test
  void anInitContainerLargerThanTheContainersSetsTheRequest() {
    PodSpec spec =
        new PodSpecBuilder()
            .withInitContainers(requesting("2", "64Mi"), requesting("500m", "2Gi"))
            .withContainers(requesting("1", "1Gi"))
            .build();
    // Init containers run one at a time: the largest of each resource counts, not their sum.
    assertThat(PodRequests.of(spec)).isEqualTo(new Resources(2000, 2048 * MI));
  }

  @Test
  void sidecarsAddToTheContainersAndToEveryInitContainerStartedAfterThem() {
    PodSpec spec =
        new PodSpecBuilder()
            .withInitContainers(
                requesting("1", "64Mi"), sidecar("500m", "128Mi"), requesting("3", "64Mi"))
            .withContainers(requesting("1", "1Gi"))
            .build();
    // Running: 1 + 0.5 CPU, 1Gi + 128Mi. The last init container runs beside the sidecar:
    // 3.5 CPU, 192Mi. The first ran alone: 1 CPU, 64Mi.
    assertThat(PodRequests.of(spec)).isEqualTo(new Resources(3500, 1152 * MI));
  }

  @Test
  void podLevelResourcesReplaceTheContainersSumForTheResourcesTheyName() {
    PodSpec spec =
        new PodSpecBuilder()
            .withContainers(requesting("1", "1Gi"), requesting("1", "1Gi"))
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(Map.of("cpu", new Quantity("1500m")))
                    .build())
            .build();
    assertThat(PodRequests.of(spec)).isEqualTo(new Resources(1500, 2048 * MI));
  }

  @Test
  void theRuntimeOverheadComesOnTop() {
    PodSpec spec =
        new PodSpecBuilder()
            .withContainers(requesting("1", "1Gi"))
            .withOverhead(quantities("250m", "120Mi"))
            .build();
    assertThat(PodRequests.of(spec)).isEqualTo(new Resources(1250, 1144 * MI));
  }

  @Test
  void otherResourcesAreIgnored() {
    Container gpu =
        new ContainerBuilder()
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(
                        Map.of(
                            "nvidia.com/gpu", new Quantity("1"),
                            "ephemeral-storage", new Quantity("10Gi"),
                            "cpu", new Quantity("1")))
                    .build())
            .build();
    assertThat(PodRequests.of(new PodSpecBuilder().withContainers(gpu).build()))
        .isEqualTo(new Resources(1000, 0));
  }

  @Test
  void aRequestThatIsNotAQuantityIsAnError() {
    Container broken =
        new ContainerBuilder()
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(Map.of("cpu", new Quantity("lots")))
                    .build())
            .build();
    assertThatThrownBy(() -> PodRequests.of(new PodSpecBuilder().withContainers(broken).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
