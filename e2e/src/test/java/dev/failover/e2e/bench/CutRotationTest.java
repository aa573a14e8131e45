package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutRotationTest {
  private final CutRotation rotation = new CutRotation(List.of("toronto", "chicago", "washington"));

  @Test
  void cuttingTheFirstGoesToTheSecondWithNothingExcluded() {
    assertThat(rotation.targetAfter("toronto")).isEqualTo("chicago");
    assertThat(rotation.toExclude("toronto")).isEmpty();
  }

  @Test
  void cuttingTheSecondGoesToTheThirdWithTheFirstExcluded() {
    assertThat(rotation.targetAfter("chicago")).isEqualTo("washington");
    assertThat(rotation.toExclude("chicago")).containsExactly("toronto");
  }

  @Test
  void cuttingTheLastWrapsAroundToTheFirst() {
    assertThat(rotation.targetAfter("washington")).isEqualTo("toronto");
    assertThat(rotation.toExclude("washington")).isEmpty();
  }

  @Test
  void followingTheRotationCutsEveryDataCenterEquallyOften() {
    List<String> cut = new ArrayList<>();
    String active = "toronto";
    for (int run = 0; run < 9; run++) {
      cut.add(active);
      active = rotation.targetAfter(active);
    }
    assertThat(cut)
        .containsExactly(
            "toronto",
            "chicago",
            "washington",
            "toronto",
            "chicago",
            "washington",
            "toronto",
            "chicago",
            "washington");
  }

  @Test
  void aLongerListExcludesEveryoneRankedAboveTheTarget() {
    CutRotation five = new CutRotation(List.of("a", "b", "c", "d", "e"));
    assertThat(five.toExclude("c")).containsExactly("a", "b");
    assertThat(five.toExclude("d")).containsExactly("a", "b", "c");
  }

  @Test
  void aDataCenterOutsideTheListIsRefused() {
    assertThatThrownBy(() -> rotation.targetAfter("dallas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dallas");
    assertThatThrownBy(() -> new CutRotation(List.of("toronto")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
