package dev.failover.core.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EgressPlanTest {
  @Test
  void enteringPutsThePostureOnInTheServingDataCenterOnce() {
    EgressPlan first = EgressPlan.of(DrMode.on, "toronto", List.of());
    assertThat(first.enter()).containsExactly("toronto");
    assertThat(first.leave()).isEmpty();
    assertThat(EgressPlan.of(DrMode.on, "toronto", List.of("toronto")).isEmpty()).isTrue();
  }

  @Test
  void aFailoverInDisasterRecoveryModeAddsTheNewDataCenterAndKeepsTheOld() {
    EgressPlan moved = EgressPlan.of(DrMode.on, "chicago", List.of("toronto"));
    assertThat(moved.enter()).containsExactly("chicago");
    assertThat(moved.leave())
        .as("toronto is fenced; it keeps the posture until the mode ends")
        .isEmpty();
  }

  @Test
  void leavingTakesThePostureOffEverywhereItWasPut() {
    EgressPlan left = EgressPlan.of(DrMode.off, "chicago", List.of("toronto", "chicago"));
    assertThat(left.leave()).containsExactly("toronto", "chicago");
    assertThat(left.enter()).isEmpty();
  }

  @Test
  void withNoServingDataCenterNothingIsPutOn() {
    assertThat(EgressPlan.of(DrMode.on, null, List.of()).isEmpty()).isTrue();
  }

  @Test
  void normalOperationWithNothingPutOnDoesNothing() {
    assertThat(EgressPlan.of(DrMode.off, "toronto", List.of()).isEmpty()).isTrue();
  }
}
