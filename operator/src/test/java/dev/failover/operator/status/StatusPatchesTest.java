package dev.failover.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import org.junit.jupiter.api.Test;

class StatusPatchesTest {

  @Test
  void anUnchangedStatusIsNotPatched() {
    DataCenterStatus stored = status(DataCenterPhase.Healthy);
    assertThat(
            StatusPatches.patchIfChanged(new DataCenter(), stored, status(DataCenterPhase.Healthy))
                .isNoUpdate())
        .isTrue();
  }

  @Test
  void aChangedStatusIsPatched() {
    assertThat(
            StatusPatches.patchIfChanged(
                    new DataCenter(),
                    status(DataCenterPhase.Healthy),
                    status(DataCenterPhase.Unreachable))
                .isPatchStatus())
        .isTrue();
  }

  @Test
  void aFirstStatusIsPatched() {
    assertThat(
            StatusPatches.patchIfChanged(new DataCenter(), null, status(DataCenterPhase.Pending))
                .isPatchStatus())
        .isTrue();
  }

  @Test
  void differsComparesContentNotIdentity() {
    assertThat(
            StatusPatches.changed(status(DataCenterPhase.Healthy), status(DataCenterPhase.Healthy)))
        .isFalse();
    assertThat(
            StatusPatches.changed(
                status(DataCenterPhase.Healthy), status(DataCenterPhase.Degraded)))
        .isTrue();
    assertThat(StatusPatches.changed(null, status(DataCenterPhase.Pending))).isTrue();
  }

  private static DataCenterStatus status(DataCenterPhase phase) {
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(phase);
    status.setConsecutiveFailures(0);
    return status;
  }
}
