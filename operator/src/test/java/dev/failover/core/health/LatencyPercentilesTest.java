package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

  private static List<Duration> millis(int... values) {
    return IntStream.of(values).mapToObj(Duration::ofMillis).toList();
  }

  @Test
  void takesTheSampleAtRankCeilingOfPercentTimesCount() {
    List<Duration> hundred = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();

    LatencyPercentiles percentiles = LatencyPercentiles.of(hundred).orElseThrow();

    assertThat(percentiles.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(percentiles.p95()).isEqualTo(Duration.ofMillis(95));
    assertThat(percentiles.p99()).isEqualTo(Duration.ofMillis(99));
  }

  @Test
  void sortsSamplesBeforeRanking() {
    LatencyPercentiles percentiles = LatencyPercentiles.of(millis(900, 100, 500)).orElseThrow();

    assertThat(percentiles.p50()).isEqualTo(Duration.ofMillis(500));
    assertThat(percentiles.p99()).isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void medianOfAnEvenCountIsTheLowerMiddleSample() {
    assertThat(LatencyPercentiles.of(millis(10, 20, 30, 40)).orElseThrow().p50())
        .isEqualTo(Duration.ofMillis(20));
    assertThat(LatencyPercentiles.of(millis(10, 990)).orElseThrow().p50())
        .isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void singleSampleIsEveryPercentile() {
    LatencyPercentiles percentiles = LatencyPercentiles.of(millis(42)).orElseThrow();

    assertThat(percentiles)
        .isEqualTo(
            new LatencyPercentiles(
                Duration.ofMillis(42), Duration.ofMillis(42), Duration.ofMillis(42)));
  }

  @Test
  void highPercentilesPickTheSlowTailOfSmallSamples() {
    // 20 samples: p95 is rank 19, p99 is rank 20.
    List<Duration> samples = IntStream.rangeClosed(1, 20).mapToObj(Duration::ofMillis).toList();

    LatencyPercentiles percentiles = LatencyPercentiles.of(samples).orElseThrow();

    assertThat(percentiles.p95()).isEqualTo(Duration.ofMillis(19));
    assertThat(percentiles.p99()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void noSamplesMeansNoPercentilesRatherThanZero() {
    assertThat(LatencyPercentiles.of(List.of())).isEmpty();
  }

  @Test
  void rejectsPercentilesOutsideOneToHundred() {
    assertThatThrownBy(() -> LatencyPercentiles.nearestRank(millis(1), 0))
        .hasMessageContaining("1..100");
    assertThatThrownBy(() -> LatencyPercentiles.nearestRank(millis(1), 101))
        .hasMessageContaining("1..100");
    assertThatThrownBy(() -> LatencyPercentiles.nearestRank(List.of(), 50))
        .hasMessageContaining("no samples");
  }

  @Test
  void hundredthPercentileIsTheMaximum() {
    assertThat(LatencyPercentiles.nearestRank(millis(1, 2, 3), 100))
        .isEqualTo(Duration.ofMillis(3));
    assertThat(LatencyPercentiles.nearestRank(millis(1, 2, 3), 1)).isEqualTo(Duration.ofMillis(1));
  }
}
