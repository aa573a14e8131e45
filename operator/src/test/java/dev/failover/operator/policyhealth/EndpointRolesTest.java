package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.placement.PlacementPreference;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointRolesTest {
  private static final PlacementPreference PLACEMENT =
      PlacementPreference.of(PlacementStrategy.Priority, "a", "b", "c");

  private static PolicySettings settings(StandbyMode standby) {
    return new PolicySettings(PLACEMENT, standby, FailbackMode.Automatic);
  }

  private static FailoverProgress activeIn(String dataCenter, Set<String> awaitingFence) {
    return new FailoverProgress(
        FailoverPhase.Active, dataCenter, FailoverReason.Blackout, null, null, null, awaitingFence);
  }

  @ParameterizedTest(name = "{0} standby: {1} serves = {2}")
  @CsvSource({
    "Hot, b, true",
    "Hot, a, true",
    "Hot, z, false",
    "Warm, b, true",
    "Warm, a, false",
    "Cold, b, true",
    "Cold, c, false"
  })
  void theActiveDataCenterServesAndWithAHotStandbyEveryListedOne(
      StandbyMode standby, String dataCenter, boolean serves) {
    assertThat(EndpointRoles.serves(dataCenter, settings(standby), activeIn("b", Set.of())))
        .isEqualTo(serves);
  }

  @Test
  void aDataCenterAwaitingItsFenceServesNothing() {
    assertThat(EndpointRoles.serves("a", settings(StandbyMode.Hot), activeIn("b", Set.of("a"))))
        .isFalse();
  }

  @Test
  void aNewFailoverToVouchesForItsTargetOnly() {
    ManualAction action = ManualAction.failoverTo("id-2", "c");

    FailoverProgress stored = activeIn("b", Set.of()).handled("id-1");

    assertThat(EndpointRoles.vouchedFor("c", action, stored, settings(StandbyMode.Warm))).isTrue();
    assertThat(EndpointRoles.vouchedFor("a", action, stored, settings(StandbyMode.Warm))).isFalse();
  }

  @Test
  void aNewFailbackVouchesForThePrimary() {
    ManualAction action = ManualAction.failback("id-2");

    FailoverProgress stored = activeIn("b", Set.of());

    assertThat(EndpointRoles.vouchedFor("a", action, stored, settings(StandbyMode.Warm))).isTrue();
    assertThat(EndpointRoles.vouchedFor("b", action, stored, settings(StandbyMode.Warm))).isFalse();
  }

  @Test
  void anActionAlreadyHandledVouchesForNothing() {
    FailoverProgress stored = activeIn("b", Set.of()).handled("id-1").handled("id-2");

    assertThat(
            EndpointRoles.vouchedFor(
                "c", ManualAction.failoverTo("id-1", "c"), stored, settings(StandbyMode.Warm)))
        .as("an earlier id")
        .isFalse();
    assertThat(EndpointRoles.vouchedFor("c", null, stored, settings(StandbyMode.Warm))).isFalse();
  }
}
