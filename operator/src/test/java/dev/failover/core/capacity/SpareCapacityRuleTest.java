package dev.failover.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpareCapacityRuleTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration MAX_AGE = Duration.ofSeconds(45);
  private static final long GI = 1L << 30;
  private static final Resources ALLOCATABLE = new Resources(10_000, 100 * GI);
  private static final Resources ONE_CORE = new Resources(1_000, GI);

  private final SpareCapacityRule rule = new SpareCapacityRule(MAX_AGE);

  /** Ten cores and 100Gi, {@code usedPercent} of both requested, measured at {@code at}. */
  private static Optional<CapacitySnapshot> used(int usedPercent, Instant at) {
    return Optional.of(
        new CapacitySnapshot(
            ALLOCATABLE, new Resources(usedPercent * 100L, usedPercent * GI), 2, at));
  }

  private static Optional<CapacitySnapshot> used(int usedPercent) {
    return used(usedPercent, NOW.minusSeconds(5));
  }

  private CapacityVerdict judge(Optional<CapacitySnapshot> measured, int reserve, Resources extra) {
    return rule.judge(measured, reserve, Optional.of(extra), NOW);
  }

  @Test
  void aDataCenterWithItsReserveWhereTheWorkloadFitsIsAllowed() {
    CapacityVerdict verdict = judge(used(50), 20, ONE_CORE);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isTrue();
    assertThat(verdict.reason()).isEqualTo("50.0% free (reserve 20%) and the workload fits");
  }

  @Test
  void aFailoverMayUseTheReserveItWasKeptFor() {
    // 30% free, reserve 20%: a workload of 25% leaves only 5% free, and still lands.
    assertThat(judge(used(70), 20, new Resources(2_500, 25 * GI)).allowed()).isTrue();
  }

  @Test
  void aDataCenterWhoseReserveIsGoneIsRefused() {
    CapacityVerdict verdict = judge(used(81), 20, ONE_CORE);
    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.known()).isTrue();
    assertThat(verdict.reason()).isEqualTo("19.0% free, below its reserve of 20%");
  }

  @Test
  void theReserveIsMetAtExactlyItsShare() {
    assertThat(judge(used(80), 20, ONE_CORE).allowed()).isTrue();
  }

  @Test
  void theScarcerResourceDecidesTheReserve() {
    Optional<CapacitySnapshot> memoryTight =
        Optional.of(new CapacitySnapshot(ALLOCATABLE, new Resources(1_000, 90 * GI), 2, NOW));
    CapacityVerdict verdict = judge(memoryTight, 20, new Resources(100, GI));
    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.reason()).startsWith("10.0% free");
  }

  @Test
  void aWorkloadThatDoesNotFitIsRefusedEvenWithTheReserveIntact() {
    CapacityVerdict verdict = judge(used(50), 20, new Resources(6_000, GI));
    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo("the workload needs cpu 6, memory 1Gi but only cpu 5, memory 50Gi is free");
    assertThat(judge(used(50), 20, new Resources(100, 51 * GI)).allowed()).isFalse();
  }

  @Test
  void aWorkloadThatExactlyFitsIsAllowed() {
    assertThat(judge(used(50), 20, new Resources(5_000, 50 * GI)).allowed()).isTrue();
  }

  @Test
  void withNoReserveAnythingThatFitsIsAllowed() {
    assertThat(judge(used(95), 0, new Resources(500, 5 * GI)).allowed()).isTrue();
    assertThat(judge(used(95), 0, new Resources(501, GI)).allowed()).isFalse();
  }

  @Test
  void aReserveOfAllTheCapacityRefusesEveryBusyDataCenter() {
    assertThat(judge(used(1), 100, ONE_CORE).allowed()).isFalse();
    assertThat(judge(used(0), 100, ONE_CORE).allowed()).isTrue();
  }

  @Test
  void aMoveThatAddsNothingIsAllowedWhateverTheReserve() {
    // A Hot standby already runs at full size: moving traffic to it takes no capacity.
    CapacityVerdict verdict = judge(used(100), 20, Resources.NONE);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isTrue();
    assertThat(verdict.reason()).isEqualTo("the move needs no more CPU or memory there");
    assertThat(judge(used(1), 100, Resources.NONE).allowed()).isTrue();
  }

  @Test
  void neverMeasuredIsUnknownAndAllowed() {
    CapacityVerdict verdict = judge(Optional.empty(), 20, ONE_CORE);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo("capacity not measured yet; unknown capacity never blocks a failover");
  }

  @Test
  void aStaleMeasurementIsUnknownAndAllowedEvenIfItShowedNoReserve() {
    CapacityVerdict verdict = judge(used(100, NOW.minus(MAX_AGE).minusMillis(1)), 20, ONE_CORE);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isFalse();
    assertThat(verdict.reason()).startsWith("capacity last measured 45s ago");
  }

  @Test
  void aMeasurementExactlyAtTheMaximumAgeStillCounts() {
    assertThat(judge(used(100, NOW.minus(MAX_AGE)), 20, ONE_CORE).allowed()).isFalse();
  }

  @Test
  void aMeasurementFromAClockAheadOfOursCounts() {
    assertThat(judge(used(100, NOW.plusSeconds(3)), 20, ONE_CORE).allowed()).isFalse();
  }

  @Test
  void aDataCenterWithoutReadyNodesIsUnknownAndAllowed() {
    Optional<CapacitySnapshot> noNodes =
        Optional.of(new CapacitySnapshot(Resources.NONE, Resources.NONE, 0, NOW));
    CapacityVerdict verdict = judge(noNodes, 20, ONE_CORE);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isFalse();
    assertThat(verdict.reason()).startsWith("no Ready, schedulable node");
  }

  @Test
  void aWorkloadWhoseRequestsCannotBeReadIsUnknownAndAllowed() {
    CapacityVerdict verdict = rule.judge(used(100), 20, Optional.empty(), NOW);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.known()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 20, 50, 100})
  void aFullDataCenterIsRefusedWhateverTheReserve(int reserve) {
    assertThat(judge(used(100), reserve, ONE_CORE).allowed()).isFalse();
  }
}
