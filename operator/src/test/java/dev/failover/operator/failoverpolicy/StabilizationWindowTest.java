package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.Failback;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicySpec;
import dev.failover.api.v1alpha1.failoverpolicy.Placement;
import dev.failover.core.failover.DataCenterView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StabilizationWindowTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void aPrimaryHealthyForLessThanTheWindowIsStillOnProbationForFailback() {
    List<DataCenterView> views =
        StabilizationWindow.apply(spec("5m"), "chicago", List.of(healthy("toronto", 60)), NOW);

    assertThat(views.get(0).phase()).isEqualTo(DataCenterPhase.Probation);
  }

  @Test
  void aPrimaryHealthyForTheWholeWindowCountsAsHealthy() {
    List<DataCenterView> views =
        StabilizationWindow.apply(spec("5m"), "chicago", List.of(healthy("toronto", 301)), NOW);

    assertThat(views.get(0).phase()).isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void theWindowDoesNotApplyWhileThePrimaryIsActive() {
    List<DataCenterView> views =
        StabilizationWindow.apply(spec("5m"), "toronto", List.of(healthy("toronto", 1)), NOW);

    assertThat(views.get(0).phase()).isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void theWindowDoesNotDelayAFirstPlacement() {
    List<DataCenterView> views =
        StabilizationWindow.apply(spec("5m"), null, List.of(healthy("toronto", 1)), NOW);

    assertThat(views.get(0).phase()).isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void otherDataCentersAreLeftAlone() {
    List<DataCenterView> views =
        StabilizationWindow.apply(spec("5m"), "toronto", List.of(healthy("chicago", 1)), NOW);

    assertThat(views.get(0).phase()).isEqualTo(DataCenterPhase.Healthy);
  }

  private static DataCenterView healthy(String name, int secondsAgo) {
    return new DataCenterView(
        name,
        DataCenterPhase.Healthy,
        NOW.minusSeconds(secondsAgo),
        Duration.ofMillis(5),
        true,
        true);
  }

  private static FailoverPolicySpec spec(String window) {
    FailoverPolicySpec spec = new FailoverPolicySpec();
    Placement placement = new Placement();
    placement.setPrimary("toronto");
    placement.setSecondaries(List.of("chicago"));
    spec.setPlacement(placement);
    Failback failback = new Failback();
    failback.setMode(FailbackMode.Automatic);
    failback.setStabilizationWindow(window);
    spec.setFailback(failback);
    return spec;
  }
}
