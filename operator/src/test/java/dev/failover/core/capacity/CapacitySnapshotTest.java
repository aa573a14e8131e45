package dev.failover.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapacitySnapshotTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final long GI = 1L << 30;
  private static final Resources ALLOCATABLE = new Resources(10_000, 100 * GI);

  private static CapacitySnapshot requesting(long cpuMillis, long memoryGi) {
    return new CapacitySnapshot(ALLOCATABLE, new Resources(cpuMillis, memoryGi * GI), 2, NOW);
  }

  @Test
  void freePercentIsTheScarcerOfCpuAndMemory() {
    assertThat(requesting(2_000, 50).freePercent()).hasValue(50.0);
    assertThat(requesting(9_000, 10).freePercent()).hasValue(10.0);
    assertThat(requesting(0, 0).freePercent()).hasValue(100.0);
  }

  @Test
  void freeIsWhatIsNotRequested() {
    assertThat(requesting(2_500, 30).free()).isEqualTo(new Resources(7_500, 70 * GI));
  }

  @Test
  void anOverbookedClusterHasNothingFreeNotLessThanNothing() {
    CapacitySnapshot overbooked = requesting(12_000, 10);
    assertThat(overbooked.freePercent()).hasValue(0.0);
    assertThat(overbooked.free()).isEqualTo(new Resources(0, 90 * GI));
  }

  @Test
  void freePercentAfterAddsTheExtraDemand() {
    assertThat(requesting(2_000, 10).freePercentAfter(new Resources(3_000, 5 * GI))).hasValue(50.0);
    assertThat(requesting(2_000, 10).freePercentAfter(new Resources(20_000, 0))).hasValue(0.0);
  }

  @Test
  void theReserveIsMetAtExactlyItsShare() {
    assertThat(requesting(8_000, 0).reserveMet(20)).hasValue(true);
    assertThat(requesting(8_001, 0).reserveMet(20)).hasValue(false);
    assertThat(requesting(10_000, 0).reserveMet(0)).hasValue(true);
    assertThat(requesting(0, 0).reserveMet(100)).hasValue(true);
    assertThat(requesting(1, 0).reserveMet(100)).hasValue(false);
  }

  @Test
  void withoutCpuOrMemoryToOfferNothingIsKnown() {
    CapacitySnapshot noMemory =
        new CapacitySnapshot(new Resources(4_000, 0), Resources.NONE, 1, NOW);
    CapacitySnapshot noCpu = new CapacitySnapshot(new Resources(0, GI), Resources.NONE, 1, NOW);
    for (CapacitySnapshot unknown : new CapacitySnapshot[] {noMemory, noCpu}) {
      assertThat(unknown.known()).isFalse();
      assertThat(unknown.freePercent()).isEmpty();
      assertThat(unknown.reserveMet(20)).isEmpty();
    }
  }
}
