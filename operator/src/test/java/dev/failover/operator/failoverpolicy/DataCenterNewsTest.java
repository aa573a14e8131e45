package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.datacenter.LatencyPercentiles;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DataCenterNewsTest {
  @Test
  void theFiguresOfAStatusRefreshWakeNoPolicy() {
    DataCenter before = healthy();
    DataCenter after =
        changed(
            before,
            status -> {
              LatencyPercentiles latency = new LatencyPercentiles();
              latency.setP50Ms(42.0);
              status.setLatency(latency);
              status.setErrorRatePercent(3.0);
              status.setConsecutiveSuccesses(12);
              status.setLastProbeTime("2026-12-01T10:00:20Z");
              status.setMessage("probe succeeded in 42ms");
            });

    assertThat(DataCenterNews.mattersToPolicies(before, after)).isFalse();
  }

  @Test
  void aPhaseChangeWakesThem() {
    DataCenter before = healthy();

    assertThat(
            DataCenterNews.mattersToPolicies(
                before, changed(before, status -> status.setPhase(DataCenterPhase.Unreachable))))
        .isTrue();
    assertThat(
            DataCenterNews.mattersToPolicies(
                before,
                changed(before, status -> status.setLastTransitionTime("2026-12-01T10:05:00Z"))))
        .as("the same phase entered again")
        .isTrue();
  }

  @Test
  void answeringAgainOrNoLongerWakesThem() {
    DataCenter before = healthy();

    assertThat(
            DataCenterNews.mattersToPolicies(
                before, changed(before, status -> status.setConsecutiveSuccesses(0))))
        .isTrue();
  }

  @Test
  void aSpecChangeOrADeletionWakesThem() {
    DataCenter before = healthy();
    DataCenter newSpec = changed(before, status -> {});
    newSpec.getMetadata().setGeneration(2L);
    DataCenter deleting = changed(before, status -> {});
    deleting.getMetadata().setDeletionTimestamp("2026-12-01T10:06:00Z");
    DataCenter relabelled = changed(before, status -> {});
    relabelled.getMetadata().setLabels(Map.of("tier", "gold"));

    assertThat(DataCenterNews.mattersToPolicies(before, newSpec)).isTrue();
    assertThat(DataCenterNews.mattersToPolicies(before, deleting)).isTrue();
    assertThat(DataCenterNews.mattersToPolicies(before, relabelled)).isTrue();
  }

  private static DataCenter healthy() {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName("toronto").withGeneration(1L).build());
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(DataCenterPhase.Healthy);
    status.setLastTransitionTime("2026-12-01T09:00:00Z");
    status.setConsecutiveSuccesses(5);
    status.setLastProbeTime("2026-12-01T10:00:00Z");
    dataCenter.setStatus(status);
    return dataCenter;
  }

  private static DataCenter changed(DataCenter original, Consumer<DataCenterStatus> change) {
    DataCenter copy = io.fabric8.kubernetes.client.utils.Serialization.clone(original);
    change.accept(copy.getStatus());
    return copy;
  }
}
