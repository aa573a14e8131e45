package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.Resources;
import dev.failover.core.health.HealthState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataCenterStatusMapperTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final CapacitySnapshot HALF_FULL =
      new CapacitySnapshot(
          new Resources(10_000, 10L << 30), new Resources(5_000, 1L << 30), 2, NOW.minusSeconds(3));

  private static DataCenter toronto(int reserve, DataCenterStatus status) {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName("toronto").withGeneration(1L).build());
    DataCenterSpec spec = new DataCenterSpec();
    spec.setSpareCapacityPercent(reserve);
    dataCenter.setSpec(spec);
    dataCenter.setStatus(status);
    return dataCenter;
  }

  @Test
  void theLatestMeasurementGoesIntoStatus() {
    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(20, null),
            HealthState.initial(NOW),
            Optional.of(HALF_FULL),
            Optional.empty(),
            NOW);
    assertThat(status.getCapacity().getFreePercent()).isEqualTo(50.0);
    assertThat(status.getCapacity().getReserveMet()).isTrue();
    assertThat(status.getCapacity().getMeasuredAt()).isEqualTo("2026-11-23T11:59:57Z");
  }

  @Test
  void withoutANewMeasurementTheOneInStatusStaysWithItsTimeJudgedByTheCurrentReserve() {
    DataCenterStatus before = new DataCenterStatus();
    before.setCapacity(CapacityStatusMapper.toStatus(HALF_FULL, 20));
    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(60, before),
            HealthState.initial(NOW),
            Optional.empty(),
            Optional.empty(),
            NOW.plusSeconds(30));
    assertThat(status.getCapacity().getMeasuredAt()).isEqualTo("2026-11-23T11:59:57Z");
    assertThat(status.getCapacity().getRequestedCpu()).isEqualTo("5");
    assertThat(status.getCapacity().getReserveMet()).isFalse();
  }

  @Test
  void neverMeasuredLeavesCapacityOut() {
    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(20, new DataCenterStatus()),
            HealthState.initial(NOW),
            Optional.empty(),
            Optional.empty(),
            NOW);
    assertThat(status.getCapacity()).isNull();
  }
}
