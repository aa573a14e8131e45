package dev.failover.core.placement;

import static dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy.Priority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlacementPreferenceTest {

  @Test
  void ordersThePrimaryBeforeTheSecondaries() {
    PlacementPreference preference = PlacementPreference.of(Priority, "toronto", "chicago", "dc");

    assertThat(preference.ordered()).containsExactly("toronto", "chicago", "dc");
    assertThat(preference.rank("toronto")).isZero();
    assertThat(preference.rank("dc")).isEqualTo(2);
    assertThat(preference.rank("frankfurt")).isEqualTo(Integer.MAX_VALUE);
    assertThat(preference.includes("chicago")).isTrue();
    assertThat(preference.includes("frankfurt")).isFalse();
  }

  @Test
  void rejectsADataCenterListedTwice() {
    assertThatThrownBy(() -> PlacementPreference.of(Priority, "toronto", "chicago", "toronto"))
        .hasMessage("data center toronto is listed more than once in the placement");
  }

  @Test
  void rejectsAMissingPrimary() {
    assertThatThrownBy(() -> PlacementPreference.of(Priority, " "))
        .hasMessage("placement needs a primary data center");
  }
}
