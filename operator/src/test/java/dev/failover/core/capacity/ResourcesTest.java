package dev.failover.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourcesTest {
  private static final Resources TWO_CORES_4GI = new Resources(2000, 4L << 30);

  @Test
  void addsAndMultipliesEachResource() {
    assertThat(TWO_CORES_4GI.plus(new Resources(500, 1L << 30)))
        .isEqualTo(new Resources(2500, 5L << 30));
    assertThat(TWO_CORES_4GI.times(3)).isEqualTo(new Resources(6000, 12L << 30));
    assertThat(TWO_CORES_4GI.times(0)).isEqualTo(Resources.NONE);
  }

  @Test
  void subtractionStopsAtZeroForEachResourceApart() {
    assertThat(TWO_CORES_4GI.minus(new Resources(3000, 1L << 30)))
        .isEqualTo(new Resources(0, 3L << 30));
  }

  @Test
  void maxTakesTheLargerOfEachResourceApart() {
    assertThat(TWO_CORES_4GI.max(new Resources(3000, 1L << 30)))
        .isEqualTo(new Resources(3000, 4L << 30));
  }

  @Test
  void fitsOnlyWhenBothResourcesFit() {
    assertThat(TWO_CORES_4GI.fitsIn(TWO_CORES_4GI)).isTrue();
    assertThat(TWO_CORES_4GI.fitsIn(new Resources(1999, 8L << 30))).isFalse();
    assertThat(TWO_CORES_4GI.fitsIn(new Resources(8000, (4L << 30) - 1))).isFalse();
    assertThat(Resources.NONE.fitsIn(Resources.NONE)).isTrue();
  }

  @Test
  void noneIsNothingOfEither() {
    assertThat(Resources.NONE.isNone()).isTrue();
    assertThat(new Resources(0, 1).isNone()).isFalse();
    assertThat(new Resources(1, 0).isNone()).isFalse();
  }

  @Test
  void isNeverNegativeAndNeverOverflowsSilently() {
    assertThatThrownBy(() -> new Resources(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Resources(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Resources(Long.MAX_VALUE, 0).plus(new Resources(1, 0)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void readsLikeKubectl() {
    assertThat(new Resources(1500, 512L << 20)).hasToString("cpu 1500m, memory 512Mi");
  }
}
