package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorRateSignificanceTest {
  @Test
  void theBinomialTailMatchesKnownValues() {
    // P(X >= 4 | 17, 0.05) = 1 - (0.4181 + 0.3741 + 0.1575 + 0.0415)
    assertThat(ErrorRateSignificance.atLeast(4, 17, 0.05)).isCloseTo(0.0088, within(0.0002));
    assertThat(ErrorRateSignificance.atLeast(0, 17, 0.05)).isCloseTo(1.0, within(1e-12));
    assertThat(ErrorRateSignificance.atLeast(18, 17, 0.05)).isZero();
    assertThat(ErrorRateSignificance.atLeast(1, 1, 0.5)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void withTheDefaultsFourFailuresOfAWindowAreABrownoutAndThreeAreChance() {
    for (int probes = 15; probes <= 17; probes++) {
      assertThat(ErrorRateSignificance.above(3, probes, 5)).as("3 of %d", probes).isFalse();
      assertThat(ErrorRateSignificance.above(4, probes, 5)).as("4 of %d", probes).isTrue();
    }
  }

  @Test
  void aRateAtOrUnderTheThresholdIsNeverAbove() {
    assertThat(ErrorRateSignificance.above(5, 20, 25)).isFalse();
    assertThat(ErrorRateSignificance.above(0, 20, 25)).isFalse();
    assertThat(ErrorRateSignificance.above(0, 0, 25)).isFalse();
    assertThat(ErrorRateSignificance.above(11, 20, 25)).isTrue();
  }

  @Test
  void aZeroThresholdTakesAnyFailureAndAFullOneNone() {
    assertThat(ErrorRateSignificance.above(1, 20, 0)).isTrue();
    assertThat(ErrorRateSignificance.above(20, 20, 100)).isFalse();
  }

  @Test
  void largeWindowsDoNotUnderflow() {
    // 20,000 probes at a 200ms interval over more than an hour: 1,000 failures is exactly 5%,
    // 1,200 is far above it.
    assertThat(ErrorRateSignificance.above(1_000, 20_000, 5)).isFalse();
    assertThat(ErrorRateSignificance.above(1_200, 20_000, 5)).isTrue();
    assertThat(ErrorRateSignificance.atLeast(900, 20_000, 0.05)).isCloseTo(1.0, within(0.001));
  }
}
