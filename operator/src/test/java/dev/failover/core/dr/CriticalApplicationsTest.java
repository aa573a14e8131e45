package dev.failover.core.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalApplicationsTest {
  private static final List<String> SCALABLE = List.of("checkout", "search", "reports");

  @Test
  void inDisasterRecoveryModeEveryScalableObjectButTheCriticalOnesIsHeld() {
    assertThat(CriticalApplications.heldAtZero(DrMode.on, SCALABLE, List.of("checkout")))
        .containsExactly("search", "reports");
  }

  @Test
  void inNormalOperationNothingIsHeld() {
    assertThat(CriticalApplications.heldAtZero(DrMode.off, SCALABLE, List.of("checkout")))
        .isEmpty();
    assertThat(CriticalApplications.heldAtZero(DrMode.off, SCALABLE, null)).isEmpty();
  }

  @Test
  void withoutCriticalApplicationsEverythingIsHeld() {
    assertThat(CriticalApplications.heldAtZero(DrMode.on, SCALABLE, null))
        .containsExactlyElementsOf(SCALABLE);
    assertThat(CriticalApplications.heldAtZero(DrMode.on, SCALABLE, List.of()))
        .containsExactlyElementsOf(SCALABLE);
  }

  @Test
  void aCriticalNameOfANonScalableObjectHoldsNothingBack() {
    // criticalApplications may name a ConfigMap or Service; only Deployments and StatefulSets
    // scale.
    assertThat(CriticalApplications.heldAtZero(DrMode.on, SCALABLE, List.of("settings")))
        .containsExactlyElementsOf(SCALABLE);
  }

  @Test
  void everythingCriticalHoldsNothing() {
    assertThat(CriticalApplications.heldAtZero(DrMode.on, SCALABLE, SCALABLE)).isEmpty();
  }
}
