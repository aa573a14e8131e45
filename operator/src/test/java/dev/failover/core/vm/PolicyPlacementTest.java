package dev.failover.core.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.iaasrider.IoProfile;
import dev.failover.api.v1alpha1.iaasrider.VmSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyPlacementTest {
  @Test
  void aPolicyActiveAtItsPrimaryHasNotFailedOver() {
    assertThat(new PolicyPlacement("a", List.of("toronto", "chicago"), "toronto").failedOver())
        .isFalse();
  }

  @Test
  void aPolicyActiveAtASecondaryHasFailedOver() {
    assertThat(new PolicyPlacement("a", List.of("toronto", "chicago"), "chicago").failedOver())
        .isTrue();
  }

  @Test
  void aPolicyActiveNowhereOrOutsideItsPlacementHasNeitherActiveNorFailedOver() {
    PolicyPlacement pending = new PolicyPlacement("a", List.of("toronto", "chicago"), null);
    PolicyPlacement stray = new PolicyPlacement("a", List.of("toronto", "chicago"), "paris");

    assertThat(pending.active()).isEmpty();
    assertThat(pending.failedOver()).isFalse();
    assertThat(stray.active()).isEmpty();
    assertThat(stray.failedOver()).isFalse();
  }

  @Test
  void aPolicyMustListADataCenter() {
    assertThatThrownBy(() -> new PolicyPlacement("a", List.of(), null))
        .hasMessageContaining("policy a lists no data center");
  }

  @Test
  void sizesMapToTheDocumentedCoresAndMemory() {
    assertThat(MachineShape.of(VmSize.Small)).isEqualTo(new MachineShape(1, 2));
    assertThat(MachineShape.of(VmSize.Medium)).isEqualTo(new MachineShape(2, 8));
    assertThat(MachineShape.of(VmSize.Large)).isEqualTo(new MachineShape(4, 16));
    assertThat(MachineShape.of(VmSize.XLarge)).isEqualTo(new MachineShape(8, 32));
  }

  @Test
  void aMachineSpecFillsTheSchemaDefaultsAndRefusesAnEmptyDisk() {
    MachineSpec spec = new MachineSpec("vm", null, null, 10, false);

    assertThat(spec.size()).isEqualTo(VmSize.Medium);
    assertThat(spec.ioProfile()).isEqualTo(IoProfile.Standard);
    assertThatThrownBy(() -> new MachineSpec("vm", VmSize.Small, IoProfile.Standard, 0, false))
        .hasMessageContaining("storageGi");
  }
}
