package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import dev.failover.core.chaos.RestoreVerdict.FaultOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreVerdictTest {
  private static final Duration MAX = Duration.ofSeconds(30);
  private static final PlannedFault POD = new PlannedFault(FaultKind.DeletePod, "web");
  private static final PlannedFault SCALE = new PlannedFault(FaultKind.ScaleToZero, "api");

  @Test
  void passesWhenEveryFaultIsRecoveredFromInTime() {
    RestoreVerdict verdict =
        RestoreVerdict.of(
            List.of(
                new FaultOutcome(POD, Optional.of(Duration.ofSeconds(4))),
                new FaultOutcome(SCALE, Optional.of(MAX))),
            MAX);
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.message())
        .isEqualTo("2 fault(s) recovered from, the slowest in 30000ms (at most 30000ms)");
  }

  @Test
  void aFaultNotRecoveredFromFailsTheTestAndIsNamed() {
    RestoreVerdict verdict =
        RestoreVerdict.of(
            List.of(
                new FaultOutcome(POD, Optional.of(Duration.ofSeconds(4))),
                new FaultOutcome(SCALE, Optional.empty())),
            MAX);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.message()).isEqualTo("fault 2 (ScaleToZero api) was not recovered from");
  }

  @Test
  void aSlowRecoveryFailsTheTest() {
    RestoreVerdict verdict =
        RestoreVerdict.of(List.of(new FaultOutcome(POD, Optional.of(MAX.plusMillis(1)))), MAX);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.message())
        .contains("took 30001ms")
        .contains("more than the 30000ms allowed");
  }

  @Test
  void noFaultAtAllIsNoPass() {
    RestoreVerdict verdict = RestoreVerdict.of(List.of(), MAX);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.message()).contains("no fault could be injected");
  }
}
