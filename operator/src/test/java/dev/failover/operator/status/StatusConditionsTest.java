package dev.failover.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusConditionsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-23T10:05:00Z");

  @Test
  void keepsTheTransitionTimeWhileTheConditionStaysTheSame() {
    DataCenterStatus first = new DataCenterStatus();
    StatusConditions.set(first, null, "Ready", true, "Healthy", "ok", T0);
    DataCenterStatus second = new DataCenterStatus();
    StatusConditions.set(second, first, "Ready", true, "Healthy", "still ok", T1);

    assertThat(second.condition("Ready").orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-11-23T10:00:00Z");
    assertThat(second.condition("Ready").orElseThrow().getMessage()).isEqualTo("still ok");
  }

  @Test
  void movesTheTransitionTimeWhenTheConditionFlips() {
    DataCenterStatus first = new DataCenterStatus();
    StatusConditions.set(first, null, "Ready", true, "Healthy", "ok", T0);
    DataCenterStatus second = new DataCenterStatus();
    StatusConditions.set(second, first, "Ready", false, "Unreachable", "down", T1);

    assertThat(second.condition("Ready").orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-11-23T10:05:00Z");
    assertThat(second.condition("Ready").orElseThrow().getStatus()).isEqualTo("False");
  }

  @Test
  void replacesAConditionOfTheSameTypeAndKeepsOthers() {
    DataCenterStatus status = new DataCenterStatus();
    StatusConditions.set(status, null, "Ready", true, "Healthy", "ok", T0);
    StatusConditions.set(status, null, "RtoFeasible", true, "DetectionFitsRto", "4s ≤ 2m", T0);
    StatusConditions.set(status, null, "Ready", false, "Unreachable", "down", T1);

    assertThat(status.getConditions()).extracting("type").containsExactly("Ready", "RtoFeasible");
    assertThat(status.condition("Ready").orElseThrow().getReason()).isEqualTo("Unreachable");
  }

  @Test
  void conditionsCarryTheObservedGeneration() {
    DataCenterStatus status = new DataCenterStatus();
    StatusConditions.observed(status, 7L);
    StatusConditions.set(status, null, "Ready", true, "Healthy", "ok", T0);

    assertThat(status.getObservedGeneration()).isEqualTo(7L);
    assertThat(status.condition("Ready").orElseThrow().getObservedGeneration()).isEqualTo(7L);
  }
}
