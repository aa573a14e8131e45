package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.FailoverPlanChecks.CreditTier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditScheduleTest {
  private static final List<CreditTier> TIERS =
      List.of(
          new CreditTier(99.9, 10, "Discount"),
          new CreditTier(99.0, 25, "Refund"),
          new CreditTier(95.0, 50, "CancellationRight"));
  private static final long MONTH = Duration.ofDays(30).toMillis();

  /** Availability with exactly this many milliseconds down in a 30-day month. */
  private static MeasuredAvailability down(long millis) {
    return new MeasuredAvailability(MONTH, new Downtime(millis, 0));
  }

  private static CreditDue credit(double below, double percent, String remedy) {
    return new CreditDue(BigDecimal.valueOf(below), BigDecimal.valueOf(percent), remedy);
  }

  @Test
  void atOrAboveTheHighestThresholdNothingIsDue() {
    assertThat(CreditSchedule.due(down(0), TIERS)).isEmpty();
    assertThat(CreditSchedule.due(down(2_592_000), TIERS)).as("exactly 99.9 %").isEmpty();
  }

  @Test
  void justBelowTheHighestThresholdEarnsItsDiscount() {
    assertThat(CreditSchedule.due(down(2_592_001), TIERS)).contains(credit(99.9, 10, "Discount"));
  }

  @Test
  void exactlyAtALowerThresholdStaysInTheTierAbove() {
    // 99.0 % of 30 days allows 25,920 s.
    assertThat(CreditSchedule.due(down(25_920_000), TIERS)).contains(credit(99.9, 10, "Discount"));
    assertThat(CreditSchedule.due(down(25_920_001), TIERS)).contains(credit(99.0, 25, "Refund"));
  }

  @Test
  void theLowestThresholdUnderTheAvailabilityGivesTheLargestCredit() {
    assertThat(CreditSchedule.due(down(MONTH / 10), TIERS))
        .contains(credit(95.0, 50, "CancellationRight"));
  }

  @Test
  void theOrderOfTheTiersInTheRiderDoesNotMatter() {
    List<CreditTier> shuffled = List.of(TIERS.get(2), TIERS.get(0), TIERS.get(1));

    assertThat(CreditSchedule.due(down(25_920_001), shuffled)).contains(credit(99.0, 25, "Refund"));
  }

  @Test
  void noTiersMeansNoCredit() {
    assertThat(CreditSchedule.due(down(MONTH), List.of())).isEmpty();
  }

  @Test
  void unknownTimeEarnsCreditLikeDowntime() {
    assertThat(
            CreditSchedule.due(new MeasuredAvailability(MONTH, new Downtime(0, 2_592_001)), TIERS))
        .contains(credit(99.9, 10, "Discount"));
  }
}
