package dev.failover.core.rto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RtoFeasibilityTest {
  private static final PromotionBudgets BUDGETS =
      new PromotionBudgets(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(60));

  private static RtoInputs inputs(StandbyMode mode, Duration rto) {
    return new RtoInputs(
        3, Duration.ofSeconds(1), Duration.ofSeconds(1), mode, BUDGETS, Duration.ofSeconds(1), rto);
  }

  @Test
  void spellsOutWhyAWarmStandbyCannotMeetATwentySecondRto() {
    RtoAssessment assessment =
        RtoFeasibility.assess(inputs(StandbyMode.Warm, Duration.ofSeconds(20)));

    assertThat(assessment.feasible()).isFalse();
    assertThat(assessment.message())
        .isEqualTo("detection 3×1s+1s=4s + promote (Warm) 20s + switch 1s = 25s > RTO 20s");
    assertThat(assessment.detection()).isEqualTo(Duration.ofSeconds(4));
    assertThat(assessment.promotion()).isEqualTo(Duration.ofSeconds(20));
    assertThat(assessment.switchBudget()).isEqualTo(Duration.ofSeconds(1));
    assertThat(assessment.worstCase()).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void hotStandbyMeetsTheSameRto() {
    RtoAssessment assessment =
        RtoFeasibility.assess(inputs(StandbyMode.Hot, Duration.ofSeconds(20)));

    assertThat(assessment.feasible()).isTrue();
    assertThat(assessment.message())
        .isEqualTo("detection 3×1s+1s=4s + promote (Hot) 2s + switch 1s = 7s ≤ RTO 20s");
  }

  @Test
  void worstCaseExactlyAtTheRtoIsFeasible() {
    assertThat(RtoFeasibility.assess(inputs(StandbyMode.Warm, Duration.ofSeconds(25))).feasible())
        .isTrue();
    assertThat(
            RtoFeasibility.assess(inputs(StandbyMode.Warm, Duration.ofMillis(24_999))).feasible())
        .isFalse();
  }

  @Test
  void eachStandbyModeUsesItsOwnPromotionBudget() {
    assertThat(RtoFeasibility.assess(inputs(StandbyMode.Cold, Duration.ofMinutes(2))).message())
        .isEqualTo("detection 3×1s+1s=4s + promote (Cold) 1m + switch 1s = 1m5s ≤ RTO 2m");
    assertThat(BUDGETS.forMode(StandbyMode.Warm)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void detectionCountsTheTimeoutOnTopOfTheIntervals() {
    RtoInputs fast =
        new RtoInputs(
            5,
            Duration.ofMillis(500),
            Duration.ofMillis(250),
            StandbyMode.Hot,
            BUDGETS,
            Duration.ofMillis(500),
            Duration.ofSeconds(8));

    RtoAssessment assessment = RtoFeasibility.assess(fast);

    assertThat(assessment.detection()).isEqualTo(Duration.ofMillis(2750));
    assertThat(assessment.message())
        .isEqualTo(
            "detection 5×500ms+250ms=2.75s + promote (Hot) 2s + switch 500ms = 5.25s ≤ RTO 8s");
  }

  @Test
  void rejectsInputsThatMakeNoSenseNamingTheField() {
    assertThatThrownBy(
            () ->
                new RtoInputs(
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    StandbyMode.Hot,
                    BUDGETS,
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessage("failureThreshold must be at least 1, was 0");
    assertThatThrownBy(
            () ->
                new RtoInputs(
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    StandbyMode.Hot,
                    BUDGETS,
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessage("probeInterval must be positive, was PT0S");
    assertThatThrownBy(
            () ->
                new RtoInputs(
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    StandbyMode.Hot,
                    BUDGETS,
                    Duration.ZERO,
                    Duration.ZERO))
        .hasMessage("rto must be positive, was PT0S");
    assertThatThrownBy(
            () -> new PromotionBudgets(Duration.ZERO, Duration.ofSeconds(-1), Duration.ZERO))
        .hasMessage("warm promotion budget must not be negative, was PT-1S");
  }
}
