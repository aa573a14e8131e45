package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasuredAvailabilityTest {
  private static final long THIRTY_DAYS = Duration.ofDays(30).toMillis();

  @Test
  void exactlyTheAllowedDowntimeIsNotBelowTheSla() {
    // 99.9 % of 30 days allows 2,592 s.
    MeasuredAvailability atTheLine =
        new MeasuredAvailability(THIRTY_DAYS, new Downtime(2_592_000, 0));

    assertThat(atTheLine.isBelow(new BigDecimal("99.9"))).isFalse();
    assertThat(atTheLine.percentText()).isEqualTo("99.900");
  }

  @Test
  void oneMillisecondMoreIsBelowAndNeverReadsAsTheSla() {
    MeasuredAvailability justBelow =
        new MeasuredAvailability(THIRTY_DAYS, new Downtime(2_592_001, 0));

    assertThat(justBelow.isBelow(new BigDecimal("99.9"))).isTrue();
    assertThat(justBelow.percentText()).isEqualTo("99.899");
  }

  @Test
  void unknownTimeCountsLikeDowntime() {
    assertThat(new MeasuredAvailability(1000, new Downtime(0, 250)).percentText())
        .isEqualTo("75.000");
  }

  @Test
  void aPeriodNotMeasuredIsFullyAvailable() {
    MeasuredAvailability nothing = new MeasuredAvailability(0, Downtime.NONE);

    assertThat(nothing.percentText()).isEqualTo("100.000");
    assertThat(nothing.isBelow(new BigDecimal("99.999"))).isFalse();
    assertThat(nothing.ratio()).isEqualTo(1.0);
  }

  @Test
  void moreDowntimeThanPeriodIsRefused() {
    assertThatThrownBy(() -> new MeasuredAvailability(10, new Downtime(6, 5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRatioIsThePercentOverAHundred() {
    assertThat(new MeasuredAvailability(1000, new Downtime(1, 0)).ratio()).isEqualTo(0.999);
  }
}
