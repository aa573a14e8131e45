package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import org.junit.jupiter.api.Test;

/** What is worth publishing at once, and what can wait for the periodic status refresh. */
class HealthStateNewsTest {
  private static HealthState failing(DataCenterPhase phase, int failures) {
    return new HealthState(phase, ProbeFeed.T0, failures, 0, SampleWindow.empty(), null, "x");
  }

  @Test
  void failuresOnTheWayToTheThresholdAreNewsAndPastItAreNot() {
    HealthThresholds n3 = ProbeFeed.THRESHOLDS;

    assertThat(
            failing(DataCenterPhase.Healthy, 2).newsSince(failing(DataCenterPhase.Healthy, 1), n3))
        .isTrue();
    assertThat(
            failing(DataCenterPhase.Unreachable, 4)
                .newsSince(failing(DataCenterPhase.Unreachable, 3), n3))
        .isFalse();
    assertThat(
            failing(DataCenterPhase.Unreachable, 400)
                .newsSince(failing(DataCenterPhase.Unreachable, 399), n3))
        .isFalse();
  }

  @Test
  void aNewPhaseAResetCountAndACredentialFaultAreNews() {
    HealthThresholds n3 = ProbeFeed.THRESHOLDS;
    HealthState down = failing(DataCenterPhase.Unreachable, 40);

    assertThat(failing(DataCenterPhase.Restoring, 40).newsSince(down, n3)).isTrue();
    assertThat(failing(DataCenterPhase.Unreachable, 0).newsSince(down, n3)).isTrue();
    assertThat(down.rejectingCredentials("401").newsSince(down, n3)).isTrue();
  }
}
