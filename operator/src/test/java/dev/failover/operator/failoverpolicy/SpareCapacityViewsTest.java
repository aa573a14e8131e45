package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.Resources;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.operator.datacenter.CapacityStatusMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpareCapacityViewsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final long GI = 1L << 30;
  // Three web pods of 500m and 256Mi: 1.5 cores, 768Mi, plus the db's 2 cores and 1Gi.
  private static final FailoverPolicy SHOP = WorkloadDemandsTest.shop("replicas: 3", "500m");
  private static final int FULL_SIZE = 4;

  private final Map<String, DataCenter> dataCenters = new LinkedHashMap<>();
  private final Map<String, WorkloadObservation> workloads = new LinkedHashMap<>();

  /** Ten cores and 64Gi, {@code cpuUsed} millicores requested, reserve {@code reserve}%. */
  private void dataCenter(String name, Integer reserve, Long cpuUsed, Instant measuredAt) {
    DataCenter dataCenter = Policies.dataCenter(name, "10.0.0.1");
    dataCenter.getSpec().setSpareCapacityPercent(reserve);
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(DataCenterPhase.Healthy);
    if (cpuUsed != null) {
      status.setCapacity(
          CapacityStatusMapper.toStatus(
              new CapacitySnapshot(
                  new Resources(10_000, 64 * GI), new Resources(cpuUsed, GI), 2, measuredAt),
              reserve == null ? 20 : reserve));
    }
    dataCenter.setStatus(status);
    dataCenters.put(name, dataCenter);
  }

  private void dataCenter(String name, int reserve, long cpuUsed) {
    dataCenter(name, reserve, cpuUsed, NOW.minusSeconds(5));
  }

  private Map<String, Boolean> judged() {
    List<DataCenterView> views =
        dataCenters.keySet().stream()
            .map(name -> new DataCenterView(name, DataCenterPhase.Healthy, NOW, null, true, true))
            .toList();
    Map<String, Boolean> spare = new LinkedHashMap<>();
    SpareCapacityViews.judge(SHOP, views, workloads, dataCenters, NOW)
        .forEach(view -> spare.put(view.name(), view.hasSpareCapacity()));
    return spare;
  }

  @Test
  void aDataCenterWithItsReserveWhereTheWorkloadFitsHasSpareCapacity() {
    dataCenter("chicago", 20, 5_000);
    workloads.put("chicago", WorkloadObservation.scaledDown());
    assertThat(judged()).containsEntry("chicago", true);
  }

  @Test
  void aWarmStandbyWhereTheWholeWorkloadWouldNotFitHasNone() {
    // 34% free meets the reserve, but 3.5 cores do not fit in the 3.4 left.
    dataCenter("chicago", 20, 6_600);
    workloads.put("chicago", WorkloadObservation.scaledDown());
    assertThat(judged()).containsEntry("chicago", false);
  }

  @Test
  void aDataCenterBelowItsReserveHasNoneEvenWhereTheWorkloadWouldFit() {
    dataCenter("chicago", 60, 4_100);
    dataCenter("washington", 60, 4_000);
    assertThat(judged()).containsEntry("chicago", false).containsEntry("washington", true);
  }

  @Test
  void aHotStandbyAtFullSizeNeedsNoSpareCapacity() {
    dataCenter("chicago", 20, 10_000);
    workloads.put("chicago", WorkloadObservation.running(FULL_SIZE, true));
    assertThat(judged()).containsEntry("chicago", true);
  }

  @Test
  void aDataCenterWhoseWorkloadCouldNotBeReadIsTakenToRunNone() {
    dataCenter("chicago", 20, 9_000);
    assertThat(judged()).containsEntry("chicago", false);
  }

  @Test
  void unmeasuredOrStaleCapacityIsUnknownAndNeverBlocks() {
    dataCenter("never", 20, null, NOW);
    dataCenter("stale", 20, 10_000L, NOW.minus(Duration.ofMinutes(2)));
    assertThat(judged()).containsEntry("never", true).containsEntry("stale", true);
  }

  @Test
  void aDataCenterWithoutAStatusIsLeftAsItWas() {
    DataCenter bare = Policies.dataCenter("bare", "10.0.0.9");
    dataCenters.put("bare", bare);
    assertThat(judged()).containsEntry("bare", true);
  }

  @Test
  void everyOtherFieldOfTheViewIsKept() {
    dataCenter("chicago", 100, 5_000);
    DataCenterView view =
        new DataCenterView(
            "chicago",
            DataCenterPhase.Degraded,
            NOW.minusSeconds(9),
            Duration.ofMillis(7),
            true,
            false);
    assertThat(SpareCapacityViews.judge(SHOP, List.of(view), workloads, dataCenters, NOW))
        .containsExactly(
            new DataCenterView(
                "chicago",
                DataCenterPhase.Degraded,
                NOW.minusSeconds(9),
                Duration.ofMillis(7),
                false,
                false));
  }
}
