package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyHealthLensTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(30);

  private static DataCenterView base(DataCenterPhase phase) {
    return new DataCenterView("a", phase, T0, Duration.ofMillis(5), true, true);
  }

  private static Optional<HealthVerdict> verdict(DataCenterPhase phase) {
    return Optional.of(new HealthVerdict(phase, T1));
  }

  @ParameterizedTest
  @EnumSource(DataCenterPhase.class)
  void withoutPolicyVerdictsTheDataCentersOwnViewStands(DataCenterPhase phase) {
    DataCenterView view = base(phase);

    assertThat(PolicyHealthLens.apply(view, Optional.empty(), Optional.empty())).isSameAs(view);
  }

  @ParameterizedTest
  @EnumSource(
      value = DataCenterPhase.class,
      names = {"Pending", "Excluded"})
  void pendingAndExcludedStayWhateverThePolicySees(DataCenterPhase phase) {
    DataCenterView view = base(phase);

    DataCenterView seen =
        PolicyHealthLens.apply(
            view, verdict(DataCenterPhase.Unreachable), verdict(DataCenterPhase.Unreachable));

    assertThat(seen).isSameAs(view);
  }

  @Test
  void stricterDetectionSeesABlackoutTheDataCenterHasNotCalledYet() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Healthy), verdict(DataCenterPhase.Unreachable), Optional.empty());

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(seen.phaseSince()).isEqualTo(T1);
    assertThat(seen.reachable()).isTrue();
    assertThat(seen.p50Latency()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void looserDetectionKeepsServingFromADataCenterItsOwnProbesCallUnreachable() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Unreachable), verdict(DataCenterPhase.Healthy), Optional.empty());

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void aDetectionLensStillPendingLeavesTheDataCentersVerdict() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Degraded), verdict(DataCenterPhase.Pending), Optional.empty());

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Degraded);
    assertThat(seen.phaseSince()).isEqualTo(T0);
  }

  @Test
  void aFailingEndpointMakesAHealthyDataCenterUnreachableForThePolicy() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Healthy), Optional.empty(), verdict(DataCenterPhase.Unreachable));

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(seen.phaseSince()).isEqualTo(T1);
  }

  @Test
  void aSlowEndpointIsABrownoutForThePolicy() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Healthy), Optional.empty(), verdict(DataCenterPhase.Degraded));

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Degraded);
  }

  @Test
  void aHealthyEndpointNeverImprovesADataCenterInTrouble() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Restoring), Optional.empty(), verdict(DataCenterPhase.Healthy));

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Restoring);
    assertThat(seen.phaseSince()).isEqualTo(T0);
  }

  @Test
  void theWorseOfDetectionAndEndpointWins() {
    DataCenterView seen =
        PolicyHealthLens.apply(
            base(DataCenterPhase.Healthy),
            verdict(DataCenterPhase.Probation),
            Optional.of(new HealthVerdict(DataCenterPhase.Degraded, T0.plusSeconds(5))));

    assertThat(seen.phase()).isEqualTo(DataCenterPhase.Probation);
    assertThat(seen.phaseSince()).isEqualTo(T1);
  }

  @Test
  void severityRanksBlackoutWorstAndABrownoutAboveARecentReturn() {
    assertThat(PolicyHealthLens.severity(DataCenterPhase.Unreachable))
        .isGreaterThan(PolicyHealthLens.severity(DataCenterPhase.Restoring));
    assertThat(PolicyHealthLens.severity(DataCenterPhase.Restoring))
        .isGreaterThan(PolicyHealthLens.severity(DataCenterPhase.Probation));
    assertThat(PolicyHealthLens.severity(DataCenterPhase.Probation))
        .isGreaterThan(PolicyHealthLens.severity(DataCenterPhase.Degraded));
    assertThat(PolicyHealthLens.severity(DataCenterPhase.Degraded))
        .isGreaterThan(PolicyHealthLens.severity(DataCenterPhase.Healthy));
  }
}
