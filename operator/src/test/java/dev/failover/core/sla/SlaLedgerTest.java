package dev.failover.core.sla;

import static dev.failover.core.sla.ServiceState.Down;
import static dev.failover.core.sla.ServiceState.Unknown;
import static dev.failover.core.sla.ServiceState.Up;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaLedgerTest {
  private static final BigDecimal SLA = new BigDecimal("99.9");
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  /**
   * Feeds observations every 15 s, as the reconciler does, collecting the moments. The first
   * observation after a {@link #silent} period is an operator's first after a restart; the others
   * come from an operator that has been watching since.
   */
  private static final class Feed {
    SlaLedger ledger = SlaLedger.NOT_STARTED;
    Instant now;
    final List<SlaMoment> moments = new ArrayList<>();
    boolean restarted = true;

    Feed(Instant start) {
      now = start;
    }

    Feed observe(ServiceState state) {
      SlaLedger.Update update = ledger.observe(state, now, SLA, !restarted);
      restarted = false;
      ledger = update.ledger();
      moments.addAll(update.moments());
      return this;
    }

    /** The state holds for {@code duration}, observed every 15 s, ending with one at the end. */
    Feed hold(ServiceState state, Duration duration) {
      Instant end = now.plus(duration);
      observe(state);
      while (now.isBefore(end)) {
        Instant next = now.plusSeconds(15);
        now = next.isAfter(end) ? end : next;
        if (now.isBefore(end)) {
          observe(state);
        }
      }
      return this;
    }

    /** The operator is not running for {@code duration}. */
    Feed silent(Duration duration) {
      now = now.plus(duration);
      restarted = true;
      return this;
    }

    SlaFigures figures() {
      return ledger.figures(now, SLA);
    }
  }

  @Test
  void nothingIsMeasuredBeforeTheWorkloadFirstServes() {
    Feed feed = new Feed(START).hold(Down, Duration.ofHours(1)).hold(Up, Duration.ofHours(1));

    assertThat(feed.ledger.since()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(feed.ledger.intervals()).isEmpty();
    assertThat(feed.figures().monthToDate().periodMillis()).isEqualTo(3_600_000);
    assertThat(feed.figures().monthToDate().percentText()).isEqualTo("100.000");
  }

  @Test
  void anOutageIsOneIntervalFromTheFirstDownObservationToTheFirstUpOne() {
    Feed feed =
        new Feed(START)
            .hold(Up, Duration.ofHours(1))
            .hold(Down, Duration.ofMinutes(3))
            .hold(Up, Duration.ofHours(1));

    assertThat(feed.ledger.intervals())
        .containsExactly(
            new DowntimeInterval(
                START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(3)),
                DowntimeKind.Down));
    assertThat(feed.figures().monthToDate().downtime()).isEqualTo(new Downtime(180_000, 0));
  }

  @Test
  void anOngoingOutageCountsUpToNow() {
    Feed feed = new Feed(START).hold(Up, Duration.ofHours(1)).hold(Down, Duration.ofMinutes(10));

    assertThat(feed.ledger.intervals()).singleElement().matches(DowntimeInterval::isOpen);
    assertThat(feed.figures().monthToDate().downtime().downMillis()).isEqualTo(600_000);
  }

  @Test
  void anOperatorRestartDuringAnOutageRecordsTheUnobservedGapAsUnknown() {
    Feed feed = new Feed(START).hold(Up, Duration.ofHours(1)).hold(Down, Duration.ofMinutes(2));
    Instant lastSeen = feed.ledger.heartbeat();

    feed.silent(Duration.ofMinutes(10))
        .hold(Down, Duration.ofMinutes(1))
        .hold(Up, Duration.ofHours(1));

    List<DowntimeInterval> intervals = feed.ledger.intervals();
    assertThat(intervals)
        .extracting(DowntimeInterval::kind)
        .containsExactly(DowntimeKind.Down, DowntimeKind.Unknown, DowntimeKind.Down);
    assertThat(intervals.get(0).end()).isEqualTo(lastSeen);
    assertThat(intervals.get(1).start()).isEqualTo(lastSeen);
    assertThat(intervals.get(1).end()).isEqualTo(intervals.get(2).start());
    // Every second from the first Down observation to the first Up one counts.
    Instant outageStart = START.plus(Duration.ofHours(1));
    Instant outageEnd = intervals.get(2).end();
    assertThat(feed.figures().monthToDate().downtime().totalMillis())
        .isEqualTo(Duration.between(outageStart, outageEnd).toMillis());
  }

  @Test
  void aRestartAfterTheOutageEndedStillCountsTheGapSinceTheLastDownHeartbeat() {
    Feed feed = new Feed(START).hold(Up, Duration.ofHours(1)).hold(Down, Duration.ofMinutes(1));
    Instant lastSeen = feed.ledger.heartbeat();

    feed.silent(Duration.ofMinutes(30)).observe(Up);

    assertThat(feed.ledger.intervals())
        .extracting(DowntimeInterval::kind)
        .containsExactly(DowntimeKind.Down, DowntimeKind.Unknown);
    assertThat(feed.ledger.intervals().get(1))
        .isEqualTo(new DowntimeInterval(lastSeen, feed.now, DowntimeKind.Unknown));
  }

  @Test
  void aSilenceBetweenTwoUpObservationsIsNotCounted() {
    Feed feed =
        new Feed(START).hold(Up, Duration.ofHours(1)).silent(Duration.ofHours(2)).observe(Up);

    assertThat(feed.ledger.intervals()).isEmpty();
  }

  @Test
  void aSilenceThatEndsInAnOutageIsUnknownUpToTheFirstObservation() {
    Feed feed = new Feed(START).hold(Up, Duration.ofHours(1));
    Instant lastSeen = feed.ledger.heartbeat();

    feed.silent(Duration.ofMinutes(20)).observe(Down);

    assertThat(feed.ledger.intervals())
        .containsExactly(
            new DowntimeInterval(lastSeen, feed.now, DowntimeKind.Unknown),
            DowntimeInterval.open(feed.now, DowntimeKind.Down));
  }

  @Test
  void aShortPauseWithinTheHeartbeatToleranceIsNotAGap() {
    // The change to Down refreshed the heartbeat; the restart comes right after it.
    Feed feed = new Feed(START).hold(Up, Duration.ofMinutes(10)).observe(Down);
    feed.silent(SlaLedger.UNOBSERVED_AFTER.minusSeconds(45)).observe(Down).observe(Up);

    assertThat(feed.ledger.intervals())
        .singleElement()
        .extracting(DowntimeInterval::kind)
        .isEqualTo(DowntimeKind.Down);
  }

  @Test
  void unknownObservationsAreKeptApartFromDownButCountAgainstAvailability() {
    Feed feed =
        new Feed(START)
            .hold(Up, Duration.ofHours(1))
            .hold(Unknown, Duration.ofMinutes(1))
            .hold(Down, Duration.ofMinutes(2))
            .hold(Up, Duration.ofHours(1));

    assertThat(feed.figures().monthToDate().downtime()).isEqualTo(new Downtime(120_000, 60_000));
  }

  @Test
  void theHeartbeatIsRefreshedEveryFiveMinutesNotOnEveryLook() {
    Feed feed = new Feed(START).observe(Up);
    feed.now = START.plus(SlaLedger.HEARTBEAT_REFRESH).minusSeconds(1);
    feed.observe(Up);
    assertThat(feed.ledger.heartbeat()).isEqualTo(START);
    feed.now = START.plus(SlaLedger.HEARTBEAT_REFRESH);
    feed.observe(Up);
    assertThat(feed.ledger.heartbeat()).isEqualTo(START.plus(SlaLedger.HEARTBEAT_REFRESH));
  }

  @Test
  void aSilenceTheSameOperatorWatchedIsNoGapHoweverLong() {
    // Settled and watched, the policy is looked at rarely; a change wakes it as it happens.
    Feed feed = new Feed(START).observe(Up);
    feed.now = START.plus(Duration.ofMinutes(20));
    feed.observe(Down);

    assertThat(feed.ledger.intervals())
        .containsExactly(DowntimeInterval.open(feed.now, DowntimeKind.Down));
  }

  @Test
  void theSameSilenceAfterARestartIsUnknownFromTheLastHeartbeat() {
    Feed feed = new Feed(START).observe(Up).silent(Duration.ofMinutes(20)).observe(Down);

    assertThat(feed.ledger.intervals())
        .containsExactly(
            new DowntimeInterval(START, feed.now, DowntimeKind.Unknown),
            DowntimeInterval.open(feed.now, DowntimeKind.Down));
  }

  @Test
  void aStateChangeRefreshesTheHeartbeatAtOnce() {
    Feed feed = new Feed(START).observe(Up);
    feed.now = START.plusSeconds(5);
    feed.observe(Down);
    assertThat(feed.ledger.heartbeat()).isEqualTo(START.plusSeconds(5));
    assertThat(feed.ledger.heartbeatState()).isEqualTo(Down);
  }

  @Test
  void aClockSteppedBackChangesNothing() {
    Feed feed = new Feed(START).hold(Up, Duration.ofMinutes(5));
    SlaLedger before = feed.ledger;
    feed.now = before.heartbeat().minusSeconds(60);

    feed.observe(Down);

    assertThat(feed.ledger).isEqualTo(before);
  }

  @Test
  void anOutageOverMidnightAtTheEndOfFebruaryIsSplitExactlyBetweenTheMonths() {
    Instant beforeMidnight = Instant.parse("2028-02-29T23:50:00Z"); // a leap year
    Feed feed =
        new Feed(Instant.parse("2028-02-01T00:00:00Z"))
            .hold(Up, Duration.between(Instant.parse("2028-02-01T00:00:00Z"), beforeMidnight))
            .hold(Down, Duration.ofMinutes(25))
            .hold(Up, Duration.ofHours(1));

    assertThat(feed.ledger.months())
        .singleElement()
        .satisfies(
            february -> {
              assertThat(february.month()).isEqualTo(YearMonth.of(2028, 2));
              assertThat(february.measuredMillis()).isEqualTo(Duration.ofDays(29).toMillis());
              assertThat(february.downtime().downMillis()).isEqualTo(600_000);
              assertThat(february.availability().percentText()).isEqualTo("99.976");
            });
    assertThat(feed.figures().monthToDate().downtime().downMillis()).isEqualTo(900_000);
    assertThat(feed.moments)
        .containsOnlyOnce(new SlaMoment.MonthClosed(feed.ledger.months().get(0)));
  }

  @Test
  void aMonthIsClosedOnceAndItsSummaryIsFinal() {
    Feed feed = new Feed(Instant.parse("2027-02-27T00:00:00Z")).hold(Up, Duration.ofDays(3));

    long closed = feed.moments.stream().filter(SlaMoment.MonthClosed.class::isInstance).count();
    assertThat(closed).isEqualTo(1);
    assertThat(feed.ledger.months().get(0).measuredMillis())
        .as("from the day the ledger started to the end of a 28-day February")
        .isEqualTo(Duration.ofDays(2).toMillis());
  }

  @Test
  void monthsTheOperatorSleptThroughAreClosedOnWakingWithTheirOutageUnknown() {
    Feed feed = new Feed(Instant.parse("2026-09-30T00:00:00Z")).hold(Down, Duration.ZERO);
    feed.observe(Up).hold(Up, Duration.ofHours(1)).hold(Down, Duration.ofMinutes(1));
    feed.silent(Duration.ofDays(40)).observe(Up);

    assertThat(feed.ledger.months())
        .extracting(MonthSummary::month)
        .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 9));
    MonthSummary october = feed.ledger.months().get(0);
    assertThat(october.downtime().unknownMillis()).isEqualTo(Duration.ofDays(31).toMillis());
    assertThat(october.availability().percentText()).isEqualTo("0.000");
  }

  @Test
  void aBerlinDaylightSavingDayIsNoDifferentFromAnyOtherDay() {
    // 2026-03-29 in Berlin has 23 hours; the ledger does not see Berlin at all.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant berlinMidnight = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, berlin).toInstant();
    Instant nextBerlinMidnight = ZonedDateTime.of(2026, 3, 30, 0, 0, 0, 0, berlin).toInstant();
    assertThat(Duration.between(berlinMidnight, nextBerlinMidnight)).hasHours(23);

    Feed feed =
        new Feed(Instant.parse("2026-03-01T00:00:00Z"))
            .hold(Up, Duration.between(Instant.parse("2026-03-01T00:00:00Z"), berlinMidnight))
            .hold(Down, Duration.between(berlinMidnight, nextBerlinMidnight))
            .hold(Up, Duration.ofDays(1));

    assertThat(feed.figures().monthToDate().downtime().downMillis())
        .isEqualTo(Duration.ofHours(23).toMillis());
    assertThat(feed.figures().monthToDate().periodMillis())
        .isEqualTo(Duration.between(Instant.parse("2026-03-01T00:00:00Z"), feed.now).toMillis());
  }

  @Test
  void theMonthsBudgetIsTheWholeMonthsAllowanceLessItsDowntimeSoFar() {
    Feed feed =
        new Feed(START)
            .hold(Up, Duration.ofHours(1))
            .hold(Down, Duration.ofMinutes(10))
            .hold(Up, Duration.ofHours(1));

    // 30 days at 99.9 %: 2,592 s allowed.
    assertThat(feed.figures().monthBudget().allowedMillis()).isEqualTo(2_592_000);
    assertThat(feed.figures().monthBudget().remainingSeconds()).isEqualTo(1_992);
  }

  @Test
  void theRollingWindowLooksBackThirtyDaysAcrossTheMonthBoundary() {
    Feed feed =
        new Feed(Instant.parse("2026-10-01T00:00:00Z"))
            .hold(Up, Duration.ofDays(20))
            .hold(Down, Duration.ofMinutes(30))
            .hold(Up, Duration.ofDays(25));

    SlaFigures figures = feed.figures();
    assertThat(figures.rollingWindow().periodMillis()).isEqualTo(Duration.ofDays(30).toMillis());
    assertThat(figures.rollingWindow().downtime().downMillis()).isEqualTo(1_800_000);
    assertThat(figures.monthToDate().downtime().downMillis()).isZero();
  }
}
