package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseStoryTest {
  @Test
  void aSteadyDataCenterIsItsOnePhase() {
    PhaseStory story = new PhaseStory(List.of("Healthy"));

    assertThat(story.changes()).isZero();
    assertThat(story.describe()).isEqualTo("Healthy");
  }

  @Test
  void aFewChangesAreSpelledOut() {
    assertThat(new PhaseStory(List.of("Healthy", "Degraded", "Healthy")).describe())
        .isEqualTo("Healthy → Degraded → Healthy");
  }

  @Test
  void manyChangesAreCountedByThePhaseEntered() {
    PhaseStory story =
        new PhaseStory(
            List.of(
                "Healthy",
                "Unreachable",
                "Restoring",
                "Unreachable",
                "Restoring",
                "Probation",
                "Healthy"));

    assertThat(story.changes()).isEqualTo(6);
    assertThat(story.describe())
        .isEqualTo("Healthy, then 6 changes: Unreachable 2, Restoring 2, Probation 1, Healthy 1");
  }

  @Test
  void aDataCenterNeverReadSaysSo() {
    assertThat(new PhaseStory(List.of()).describe()).isEqualTo("(not read)");
  }
}
