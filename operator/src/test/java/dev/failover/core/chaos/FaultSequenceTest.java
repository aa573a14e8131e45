package dev.failover.core.chaos;

import static dev.failover.api.v1alpha1.chaosrestoretest.FaultKind.DeleteConfigMap;
import static dev.failover.api.v1alpha1.chaosrestoretest.FaultKind.DeletePod;
import static dev.failover.api.v1alpha1.chaosrestoretest.FaultKind.DeleteService;
import static dev.failover.api.v1alpha1.chaosrestoretest.FaultKind.ScaleToZero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FaultSequenceTest {
  private static final FaultTargets SHOP =
      new FaultTargets(List.of("web", "api"), List.of("web"), List.of("settings", "flags"));

  @Test
  void theSameSeedReplaysTheSameFaults() {
    List<PlannedFault> first = FaultSequence.draw(42, 8, List.of(), SHOP);
    assertThat(first).hasSize(8);
    assertThat(FaultSequence.draw(42, 8, List.of(), SHOP)).isEqualTo(first);
    // The listing order of the namespace does not matter: targets are sorted.
    FaultTargets shuffled =
        new FaultTargets(List.of("api", "web"), List.of("web"), List.of("flags", "settings"));
    assertThat(FaultSequence.draw(42, 8, List.of(), shuffled)).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesAnotherSequence() {
    Set<List<PlannedFault>> sequences = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      sequences.add(FaultSequence.draw(seed, 6, List.of(), SHOP));
    }
    assertThat(sequences).hasSizeGreaterThan(15);
  }

  @Test
  void onlyTheKindsAskedForAndOnlyOnWhatExists() {
    assertThat(FaultSequence.draw(7, 20, List.of(DeleteService, DeleteConfigMap), SHOP))
        .extracting(PlannedFault::kind)
        .containsOnly(DeleteService, DeleteConfigMap);
    FaultTargets noServices = new FaultTargets(List.of("web"), List.of(), List.of());
    assertThat(FaultSequence.draw(7, 20, List.of(), noServices))
        .extracting(PlannedFault::kind)
        .containsOnly(DeletePod, ScaleToZero);
    assertThat(FaultSequence.draw(7, 3, List.of(DeleteService), noServices))
        .as("nothing of that kind to act on")
        .isEmpty();
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> FaultSequence.draw(1, -1, List.of(), SHOP))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void everyFaultActsOnSomethingOfItsKind(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int count) {
    for (PlannedFault fault : FaultSequence.draw(seed, count, List.of(), SHOP)) {
      List<String> names =
          switch (fault.kind()) {
            case DeletePod, ScaleToZero -> SHOP.workloads();
            case DeleteService -> SHOP.services();
            case DeleteConfigMap -> SHOP.configMaps();
          };
      assertThat(names).contains(fault.target());
    }
  }
}
