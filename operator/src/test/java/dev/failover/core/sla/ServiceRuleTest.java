package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.placement.PlacementPreference;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceRuleTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  private static final PolicySettings SETTINGS =
      new PolicySettings(
          PlacementPreference.of(PlacementStrategy.Priority, "a", "b"),
          StandbyMode.Hot,
          FailbackMode.Automatic);

  private static ServiceState judge(
      String active,
      DataCenterPhase phase,
      boolean reachable,
      WorkloadObservation workload,
      String traffic) {
    FailoverProgress progress =
        active == null
            ? FailoverProgress.initial()
            : new FailoverProgress(FailoverPhase.Active, active, null, null, null, null, Set.of());
    Map<String, WorkloadObservation> workloads = new HashMap<>();
    if (workload != null) {
      workloads.put("a", workload);
    }
    workloads.put("b", WorkloadObservation.running(2, true));
    return ServiceRule.of(
        new PolicySituation(
            progress,
            SETTINGS,
            List.of(
                new DataCenterView("a", phase, NOW, null, true, reachable),
                new DataCenterView("b", DataCenterPhase.Healthy, NOW, null, true, true)),
            workloads,
            traffic,
            null,
            NOW));
  }

  @Test
  void servedFromAnAnsweringActiveDataCenterThatTrafficPointsAtIsUp() {
    assertThat(judge("a", DataCenterPhase.Healthy, true, WorkloadObservation.running(2, true), "a"))
        .isEqualTo(ServiceState.Up);
  }

  @Test
  void withoutAPublishedRecordTrafficIsNotRequired() {
    assertThat(
            judge("a", DataCenterPhase.Degraded, true, WorkloadObservation.running(2, true), null))
        .isEqualTo(ServiceState.Up);
  }

  @Test
  void aBlackoutOfTheActiveIsDownEvenWithAHotStandbyAvailable() {
    assertThat(judge("a", DataCenterPhase.Unreachable, false, null, "a"))
        .isEqualTo(ServiceState.Down);
  }

  @Test
  void aFailedProbeBeforeABlackoutIsDeclaredIsUnknown() {
    assertThat(judge("a", DataCenterPhase.Healthy, false, null, "a"))
        .isEqualTo(ServiceState.Unknown);
  }

  @Test
  void aWorkloadThatCouldNotBeReadIsUnknown() {
    assertThat(judge("a", DataCenterPhase.Healthy, true, null, "a"))
        .isEqualTo(ServiceState.Unknown);
  }

  @Test
  void aWorkloadNotAvailableInTheActiveIsDown() {
    assertThat(
            judge("a", DataCenterPhase.Healthy, true, WorkloadObservation.running(2, false), "a"))
        .isEqualTo(ServiceState.Down);
  }

  @Test
  void trafficStillPointingAtAnotherDataCenterIsDown() {
    assertThat(judge("a", DataCenterPhase.Healthy, true, WorkloadObservation.running(2, true), "b"))
        .isEqualTo(ServiceState.Down);
  }

  @Test
  void noActiveDataCenterIsDown() {
    assertThat(
            judge(null, DataCenterPhase.Healthy, true, WorkloadObservation.running(2, true), null))
        .isEqualTo(ServiceState.Down);
  }
}
