package dev.failover.core.sla;

import static dev.failover.core.sla.DowntimeKind.Down;
import static dev.failover.core.sla.DowntimeKind.Unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeIntervalsTest {
  private static final Instant T0 = Instant.parse("2026-11-10T12:00:00Z");

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static DowntimeInterval interval(long from, long to, DowntimeKind kind) {
    return new DowntimeInterval(at(from), at(to), kind);
  }

  private static Downtime within(List<DowntimeInterval> intervals, long from, long to, long now) {
    return new DowntimeIntervals(intervals).within(at(from), at(to), at(now));
  }

  @Test
  void overlappingFailoversCountTheirUnionOnce() {
    Downtime downtime =
        within(List.of(interval(0, 120, Down), interval(60, 180, Down)), -1000, 1000, 1000);

    assertThat(downtime).isEqualTo(new Downtime(180_000, 0));
  }

  @Test
  void anIntervalInsideAnotherAddsNothing() {
    assertThat(within(List.of(interval(0, 600, Down), interval(100, 200, Down)), 0, 1000, 1000))
        .isEqualTo(new Downtime(600_000, 0));
  }

  @Test
  void whereDownAndUnknownOverlapTheTimeIsDown() {
    Downtime downtime =
        within(List.of(interval(0, 100, Unknown), interval(50, 150, Down)), 0, 1000, 1000);

    assertThat(downtime).isEqualTo(new Downtime(100_000, 50_000));
    assertThat(downtime.totalMillis()).isEqualTo(150_000);
  }

  @Test
  void touchingIntervalsAreNotCountedTwiceAtTheirCommonInstant() {
    assertThat(within(List.of(interval(0, 60, Down), interval(60, 120, Down)), 0, 1000, 1000))
        .isEqualTo(new Downtime(120_000, 0));
  }

  @Test
  void anOpenIntervalCountsUpToNow() {
    assertThat(within(List.of(DowntimeInterval.open(at(100), Down)), 0, 10_000, 145))
        .isEqualTo(new Downtime(45_000, 0));
  }

  @Test
  void anOpenIntervalCountsNothingBeforeItStarts() {
    assertThat(within(List.of(DowntimeInterval.open(at(100), Down)), 0, 10_000, 50))
        .isEqualTo(Downtime.NONE);
  }

  @Test
  void intervalsAreClippedToThePeriod() {
    assertThat(within(List.of(interval(-50, 50, Down), interval(90, 200, Unknown)), 0, 100, 1000))
        .isEqualTo(new Downtime(50_000, 10_000));
  }

  @Test
  void anEmptyOrReversedPeriodHasNoDowntime() {
    List<DowntimeInterval> all = List.of(interval(0, 100, Down));
    assertThat(within(all, 50, 50, 1000)).isEqualTo(Downtime.NONE);
    assertThat(within(all, 60, 40, 1000)).isEqualTo(Downtime.NONE);
  }

  @Test
  void millisecondsAreKeptExactly() {
    DowntimeInterval odd = new DowntimeInterval(T0.plusMillis(1), T0.plusMillis(1_234_568), Down);
    assertThat(new DowntimeIntervals(List.of(odd)).within(T0, at(10_000), at(10_000)))
        .isEqualTo(new Downtime(1_234_567, 0));
  }
}
