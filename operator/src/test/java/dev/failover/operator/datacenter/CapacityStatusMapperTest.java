package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterCapacity;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.CpuUsage;
import dev.failover.core.capacity.Resources;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityStatusMapperTest {
  private static final Instant MEASURED = Instant.parse("2026-11-23T12:00:00.123456Z");
  private static final long GI = 1L << 30;

  // Two kwok nodes: 32 cores and 256Gi each.
  private static CapacitySnapshot kwok(long cpuRequested, long memoryRequested) {
    return new CapacitySnapshot(
        new Resources(64_000, 512 * GI), new Resources(cpuRequested, memoryRequested), 2, MEASURED);
  }

  @Test
  void writesQuantitiesAsKubectlShowsThem() {
    DataCenterCapacity status = CapacityStatusMapper.toStatus(kwok(1_500, 768L << 20), 20);
    assertThat(status.getAllocatableCpu()).isEqualTo("64");
    assertThat(status.getAllocatableMemory()).isEqualTo("512Gi");
    assertThat(status.getRequestedCpu()).isEqualTo("1500m");
    assertThat(status.getRequestedMemory()).isEqualTo("768Mi");
    assertThat(status.getReadyNodes()).isEqualTo(2);
    assertThat(status.getMeasuredAt()).isEqualTo("2026-11-23T12:00:00.123Z");
  }

  @Test
  void freePercentIsRoundedDownSoItNeverShowsAReserveThatIsNotThere() {
    // 51,199 of 64,000 millicores free: 79.998%, just under a reserve of 80%.
    DataCenterCapacity status = CapacityStatusMapper.toStatus(kwok(12_801, 0), 80);
    assertThat(status.getFreePercent()).isEqualTo(79.9);
    assertThat(status.getReserveMet()).isFalse();
    DataCenterCapacity exact = CapacityStatusMapper.toStatus(kwok(12_800, 0), 80);
    assertThat(exact.getFreePercent()).isEqualTo(80.0);
    assertThat(exact.getReserveMet()).isTrue();
  }

  @Test
  void withoutNodesFreePercentAndTheReserveAreLeftOut() {
    DataCenterCapacity status =
        CapacityStatusMapper.toStatus(
            new CapacitySnapshot(Resources.NONE, Resources.NONE, 0, MEASURED), 20);
    assertThat(status.getFreePercent()).isNull();
    assertThat(status.getReserveMet()).isNull();
    assertThat(status.getAllocatableCpu()).isEqualTo("0");
  }

  @Test
  void readsBackWhatItWroteToTheMillisecond() {
    CapacitySnapshot snapshot = kwok(1_500, 768L << 20);
    assertThat(CapacityStatusMapper.fromStatus(CapacityStatusMapper.toStatus(snapshot, 20)))
        .hasValue(
            new CapacitySnapshot(
                snapshot.allocatable(),
                snapshot.requested(),
                2,
                Instant.parse("2026-11-23T12:00:00.123Z")));
  }

  @Test
  void cpuUsageIsWrittenWithItsShareAndSampleTimeAndReadBack() {
    Instant sampled = Instant.parse("2026-11-23T11:59:50Z");
    CapacitySnapshot snapshot =
        kwok(1_500, 0).withCpuUsage(Optional.of(new CpuUsage(21_350, sampled)));
    DataCenterCapacity status = CapacityStatusMapper.toStatus(snapshot, 20);
    assertThat(status.getUsedCpu()).isEqualTo("21350m");
    assertThat(status.getCpuUtilizationPercent()).as("21.35 of 64 cores").isEqualTo(33.4);
    assertThat(status.getUsageSampledAt()).isEqualTo("2026-11-23T11:59:50Z");
    assertThat(CapacityStatusMapper.fromStatus(status).orElseThrow().cpuUsage())
        .hasValue(new CpuUsage(21_350, sampled));

    DataCenterCapacity unknown = CapacityStatusMapper.toStatus(kwok(1_500, 0), 20);
    assertThat(unknown.getUsedCpu()).isNull();
    assertThat(unknown.getCpuUtilizationPercent()).as("unknown, never 0").isNull();
    assertThat(CapacityStatusMapper.fromStatus(unknown).orElseThrow().cpuUsage()).isEmpty();
  }

  @Test
  void aMissingOrUnreadableMeasurementReadsAsNone() {
    assertThat(CapacityStatusMapper.fromStatus(null)).isEmpty();
    assertThat(CapacityStatusMapper.fromStatus(new DataCenterCapacity())).isEmpty();
    DataCenterCapacity garbled = CapacityStatusMapper.toStatus(kwok(0, 0), 20);
    garbled.setRequestedMemory("lots");
    assertThat(CapacityStatusMapper.fromStatus(garbled)).isEmpty();
    DataCenterCapacity badTime = CapacityStatusMapper.toStatus(kwok(0, 0), 20);
    badTime.setMeasuredAt("yesterday");
    assertThat(CapacityStatusMapper.fromStatus(badTime)).isEmpty();
  }

  @Test
  void theReserveDefaultsToTheCrdsTwentyPercent() {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setSpec(new DataCenterSpec());
    assertThat(CapacityStatusMapper.reservePercent(dataCenter)).isEqualTo(20);
    dataCenter.getSpec().setSpareCapacityPercent(0);
    assertThat(CapacityStatusMapper.reservePercent(dataCenter)).isZero();
  }
}
