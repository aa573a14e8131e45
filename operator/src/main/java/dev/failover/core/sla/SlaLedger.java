package dev.failover.core.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One policy's downtime record: what the operator persists, and the only input of the SLA figures.
 * {@link #observe} folds one observation into it; see the package documentation for the rules.
 *
 * @param since when the workload first served; null while it never has (nothing is measured yet)
 * @param heartbeat the last observation the ledger kept
 * @param heartbeatState what that observation found
 * @param intervals downtime, oldest first, at most one open (the last)
 * @param months final figures of closed months, newest first
 * @param risk the SLA at risk, while raised
 */
public record SlaLedger(
    Instant since,
    Instant heartbeat,
    ServiceState heartbeatState,
    List<DowntimeInterval> intervals,
    List<MonthSummary> months,
    SlaRisk risk) {
  /**
   * The heartbeat is persisted only this often while nothing changes, so a thousand policies that
   * stay up are not written every few seconds. It matters only across an operator restart: while
   * the operator runs, it is told of every change and its silence is not a gap (see {@link
   * #observe(ServiceState, Instant, BigDecimal, boolean)}).
   */
  public static final Duration HEARTBEAT_REFRESH = Duration.ofMinutes(5);

  /**
   * A longer silence since the heartbeat, not covered by the same operator's watch, means the
   * operator was not looking.
   */
  public static final Duration UNOBSERVED_AFTER = Duration.ofMinutes(2);

  public static final SlaLedger NOT_STARTED =
      new SlaLedger(null, null, null, List.of(), List.of(), null);

  public SlaLedger {
    intervals = List.copyOf(intervals);
    months = List.copyOf(months);
    if (since != null) {
      Objects.requireNonNull(heartbeat, "heartbeat");
      Objects.requireNonNull(heartbeatState, "heartbeatState");
    }
  }

  /** The ledger after one observation, and what it found worth telling. */
  public record Update(SlaLedger ledger, List<SlaMoment> moments) {
    public Update {
      moments = List.copyOf(moments);
    }
  }

  public boolean started() {
    return since != null;
  }

  public DowntimeIntervals downtime() {
    return new DowntimeIntervals(intervals);
  }

  /**
   * Folds in one observation at {@code now}, as the first one of an operator that has just started:
   * a silence longer than {@link #UNOBSERVED_AFTER} since the heartbeat was not observed.
   */
  public Update observe(ServiceState state, Instant now, BigDecimal slaPercent) {
    return observe(state, now, slaPercent, false);
  }

  /**
   * Folds in one observation at {@code now}. A time before the heartbeat (a clock stepped back)
   * changes nothing.
   *
   * @param watchedSinceHeartbeat the same operator observed the policy at or after the heartbeat
   *     and has been told of every change since (its watches and probes), so the silence since is
   *     no gap however long
   */
  public Update observe(
      ServiceState state, Instant now, BigDecimal slaPercent, boolean watchedSinceHeartbeat) {
    if (!started()) {
      return state == ServiceState.Up
          ? new Update(new SlaLedger(now, now, state, List.of(), List.of(), null), List.of())
          : new Update(this, List.of());
    }
    if (now.isBefore(heartbeat)) {
      return new Update(this, List.of());
    }
    List<DowntimeInterval> next = new ArrayList<>(intervals);
    boolean unobserved =
        !watchedSinceHeartbeat && Duration.between(heartbeat, now).compareTo(UNOBSERVED_AFTER) > 0;
    if (unobserved && (heartbeatState != ServiceState.Up || state != ServiceState.Up)) {
      closeOpen(next, heartbeat);
      append(next, new DowntimeInterval(heartbeat, now, DowntimeKind.Unknown));
    }
    DowntimeKind wanted =
        switch (state) {
          case Up -> null;
          case Down -> DowntimeKind.Down;
          case Unknown -> DowntimeKind.Unknown;
        };
    DowntimeInterval open = openInterval(next);
    if (open != null && open.kind() != wanted) {
      closeOpen(next, now);
    }
    if (wanted != null && openInterval(next) == null) {
      append(next, DowntimeInterval.open(now, wanted));
    }
    // An operator's first look since it started is kept: the silence before it is judged once.
    boolean refresh =
        unobserved
            || !watchedSinceHeartbeat
            || state != heartbeatState
            || Duration.between(heartbeat, now).compareTo(HEARTBEAT_REFRESH) >= 0;
    List<SlaMoment> moments = new ArrayList<>();
    List<MonthSummary> summaries = MonthClosing.close(since, months, next, now, moments);
    RiskTracker.Step risk =
        RiskTracker.next(
            this.risk, BurnRateAlerts.firing(new DowntimeIntervals(next), slaPercent, now), now);
    risk.moment().ifPresent(moments::add);
    SlaLedger updated =
        new SlaLedger(
            since,
            refresh ? now : heartbeat,
            refresh ? state : heartbeatState,
            LedgerRetention.intervalsToKeep(next, now),
            LedgerRetention.monthsToKeep(summaries),
            risk.risk());
    return new Update(updated, moments);
  }

  /** The figures as of {@code now}. */
  public SlaFigures figures(Instant now, BigDecimal slaPercent) {
    return SlaFigures.of(this, now, slaPercent);
  }

  private static DowntimeInterval openInterval(List<DowntimeInterval> intervals) {
    if (intervals.isEmpty()) {
      return null;
    }
    DowntimeInterval last = intervals.get(intervals.size() - 1);
    return last.isOpen() ? last : null;
  }

  private static void closeOpen(List<DowntimeInterval> intervals, Instant at) {
    DowntimeInterval open = openInterval(intervals);
    if (open != null) {
      intervals.set(intervals.size() - 1, open.closedAt(at));
    }
  }

  /** Adds an interval, continuing the last one when it ends where this starts, with its kind. */
  private static void append(List<DowntimeInterval> intervals, DowntimeInterval interval) {
    if (!intervals.isEmpty()) {
      DowntimeInterval last = intervals.get(intervals.size() - 1);
      if (!last.isOpen() && last.end().equals(interval.start()) && last.kind() == interval.kind()) {
        intervals.set(
            intervals.size() - 1, new DowntimeInterval(last.start(), interval.end(), last.kind()));
        return;
      }
    }
    intervals.add(interval);
  }

  /** The newest month with final figures, if any. */
  public YearMonth lastClosedMonth() {
    return months.isEmpty() ? null : months.get(0).month();
  }
}
