package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRateAlertsTest {
  private static final BigDecimal SLA = new BigDecimal("99.9");
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private static DowntimeIntervals downFor(Duration length, Duration endedAgo) {
    Instant end = NOW.minus(endedAgo);
    return new DowntimeIntervals(
        List.of(new DowntimeInterval(end.minus(length), end, DowntimeKind.Down)));
  }

  @Test
  void theTableIsTheWorkbooksThreePairs() {
    assertThat(BurnRateAlerts.TABLE)
        .extracting(AlertWindow::name, AlertWindow::severity, AlertWindow::rate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "1h/5m", AlertSeverity.Page, new BigDecimal("14.4")),
            org.assertj.core.groups.Tuple.tuple(
                "6h/30m", AlertSeverity.Page, BigDecimal.valueOf(6)),
            org.assertj.core.groups.Tuple.tuple("3d/6h", AlertSeverity.Ticket, BigDecimal.ONE));
  }

  @Test
  void aThirtySecondBlipRaisesNothingAtNinetyNinePointNine() {
    assertThat(BurnRateAlerts.firing(downFor(Duration.ofSeconds(30), Duration.ZERO), SLA, NOW))
        .isEmpty();
  }

  @Test
  void exactlyTheRateDoesNotFireOnlyAboveIt() {
    // 14.4 × 0.1 % of an hour is 51.84 s: the long window burns at exactly 14.4.
    DowntimeIntervals atRate = downFor(Duration.ofMillis(51_840), Duration.ZERO);
    DowntimeIntervals above = downFor(Duration.ofMillis(51_841), Duration.ZERO);

    assertThat(BurnRateAlerts.TABLE.get(0).firesOn(atRate, SLA, NOW)).isFalse();
    assertThat(BurnRateAlerts.TABLE.get(0).firesOn(above, SLA, NOW)).isTrue();
  }

  @Test
  void anOutageThatEndedMinutesAgoNoLongerFiresOnTheFiveMinuteWindow() {
    // 10 minutes down, ended 20 minutes ago: the 1 h window burns at 166, the 5 min one at 0.
    DowntimeIntervals earlier = downFor(Duration.ofMinutes(10), Duration.ofMinutes(20));

    assertThat(BurnRateAlerts.TABLE.get(0).firesOn(earlier, SLA, NOW)).isFalse();
    assertThat(BurnRateAlerts.firing(earlier, SLA, NOW))
        .get()
        .extracting(AlertWindow::name)
        .as("the 6h/30m pair still sees it in its short window")
        .isEqualTo("6h/30m");
  }

  @Test
  void anOngoingOutageOfAMinutePages() {
    assertThat(BurnRateAlerts.firing(downFor(Duration.ofMinutes(1), Duration.ZERO), SLA, NOW))
        .get()
        .extracting(AlertWindow::severity)
        .isEqualTo(AlertSeverity.Page);
  }

  @Test
  void slowSteadyBurnOverDaysOpensATicket() {
    // 5 minutes down each 12 hours over 3 days: 30 min in 3 d (burn 6.9), 5 min in the last 6 h.
    java.util.List<DowntimeInterval> intervals = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Instant end = NOW.minus(Duration.ofHours(2 + 12L * i));
      intervals.add(new DowntimeInterval(end.minusSeconds(300), end, DowntimeKind.Down));
    }

    assertThat(BurnRateAlerts.firing(new DowntimeIntervals(intervals), SLA, NOW))
        .get()
        .extracting(AlertWindow::name)
        .isEqualTo("3d/6h");
  }

  @Test
  void burnRateIsTheDowntimeShareOverTheAllowedShare() {
    assertThat(BurnRate.of(3_600, Duration.ofHours(1), SLA)).isEqualByComparingTo("1");
    assertThat(BurnRate.of(51_840, Duration.ofHours(1), SLA)).isEqualByComparingTo("14.4");
    assertThat(BurnRate.of(0, Duration.ofHours(1), BigDecimal.valueOf(100)))
        .isEqualByComparingTo("0");
    assertThat(BurnRate.of(1, Duration.ofHours(1), BigDecimal.valueOf(100))).isNull();
  }

  @Test
  void aHundredPercentSlaFiresOnAnyDowntimeInBothWindows() {
    assertThat(
            BurnRateAlerts.firing(
                downFor(Duration.ofMillis(1), Duration.ZERO), BigDecimal.valueOf(100), NOW))
        .isPresent();
  }
}
