package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.health.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionLensesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final PolicyKey SHOP = new PolicyKey("shop", "crm");
  private static final PolicyKey BILLING = new PolicyKey("shop", "billing");

  private final List<PolicyKey> woken = new ArrayList<>();
  private final DetectionLenses lenses =
      new DetectionLenses(Clock.fixed(T0, ZoneOffset.UTC), woken::add);

  private static HealthThresholds failingAfter(int failures) {
    return new HealthThresholds(
        failures, 2, Duration.ofMillis(500), 5, Duration.ofSeconds(30), 80, Duration.ofSeconds(30));
  }

  private static HealthState healthy() {
    return new HealthState(
        DataCenterPhase.Healthy,
        T0.minusSeconds(60),
        0,
        5,
        dev.failover.core.health.SampleWindow.empty(),
        null,
        "seeded");
  }

  private void refuse(String dataCenter, int times, int fromSecond) {
    for (int i = 0; i < times; i++) {
      lenses.probed(
          dataCenter,
          ProbeResult.refused(T0.plusSeconds(fromSecond + i), Duration.ofMillis(1)),
          healthy());
    }
  }

  @Test
  void eachPolicyJudgesTheSameProbesWithItsOwnThreshold() {
    lenses.ensure(SHOP, "toronto", failingAfter(1), healthy());
    lenses.ensure(BILLING, "toronto", failingAfter(3), healthy());

    refuse("toronto", 1, 0);

    assertThat(lenses.state(SHOP, "toronto").orElseThrow().phase())
        .isEqualTo(DataCenterPhase.Unreachable);
    assertThat(lenses.state(BILLING, "toronto").orElseThrow().phase())
        .isEqualTo(DataCenterPhase.Healthy);
    assertThat(woken).contains(SHOP, BILLING);
  }

  @Test
  void probesOfOtherDataCentersAreNotJudged() {
    lenses.ensure(SHOP, "toronto", failingAfter(1), healthy());

    refuse("chicago", 2, 0);

    assertThat(lenses.state(SHOP, "toronto").orElseThrow().phase())
        .isEqualTo(DataCenterPhase.Healthy);
    assertThat(woken).isEmpty();
  }

  @Test
  void newThresholdsKeepTheStateAndTheSameOnesKeepTheLens() {
    lenses.ensure(SHOP, "toronto", failingAfter(2), healthy());
    refuse("toronto", 1, 0);

    lenses.ensure(SHOP, "toronto", failingAfter(2), HealthState.initial(T0));
    assertThat(lenses.state(SHOP, "toronto").orElseThrow().consecutiveFailures()).isEqualTo(1);

    lenses.ensure(SHOP, "toronto", failingAfter(5), HealthState.initial(T0));
    refuse("toronto", 1, 1);
    assertThat(lenses.state(SHOP, "toronto").orElseThrow().consecutiveFailures()).isEqualTo(2);
    assertThat(lenses.state(SHOP, "toronto").orElseThrow().phase())
        .isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void aForgottenLensIsGone() {
    lenses.ensure(SHOP, "toronto", failingAfter(1), healthy());

    lenses.forget(SHOP, "toronto");

    assertThat(lenses.state(SHOP, "toronto")).isEmpty();
    assertThat(lenses.keys()).isEmpty();
  }
}
