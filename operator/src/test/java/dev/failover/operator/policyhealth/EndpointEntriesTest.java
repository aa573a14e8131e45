package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.HealthVerdict;
import dev.failover.core.health.HealthState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EndpointEntriesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  @Test
  void aKeptVerdictSurvivesTheRoundTripThroughStatus() {
    HealthVerdict verdict = new HealthVerdict(DataCenterPhase.Unreachable, T0);

    WorkloadEndpointHealth entry = EndpointEntries.kept("chicago", verdict);

    assertThat(entry.getProbing()).isFalse();
    assertThat(entry.getMessage()).contains("FailoverTo chicago");
    assertThat(EndpointEntries.keptVerdict(entry))
        .contains(
            new HealthVerdict(
                DataCenterPhase.Unreachable, Instant.parse("2026-01-01T00:00:00.123Z")));
  }

  @Test
  void aProbedEntryIsNoKeptVerdictButSeedsTheNextLoop() {
    HealthState state = HealthState.initial(T0);
    WorkloadEndpointHealth entry = EndpointEntries.probing("chicago", state, false);

    assertThat(entry.getProbing()).isTrue();
    assertThat(entry.getMessage()).contains("never answered");
    assertThat(EndpointEntries.keptVerdict(entry)).isEmpty();
    assertThat(EndpointEntries.seed(entry, T0).phase()).isEqualTo(DataCenterPhase.Pending);
  }

  @Test
  void noEntrySeedsPending() {
    assertThat(EndpointEntries.seed(null, T0)).isEqualTo(HealthState.initial(T0));
    assertThat(EndpointEntries.keptVerdict(null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DataCenterPhase.class)
  void onlyUnreachableAndDegradedAreWorthKeeping(DataCenterPhase phase) {
    WorkloadEndpointHealth entry = EndpointEntries.kept("a", new HealthVerdict(phase, T0));

    boolean bad = phase == DataCenterPhase.Unreachable || phase == DataCenterPhase.Degraded;
    assertThat(EndpointEntries.isBad(phase)).isEqualTo(bad);
    assertThat(EndpointEntries.keptVerdict(entry).isPresent()).isEqualTo(bad);
  }
}
