package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.core.DurationText;
import dev.failover.core.sla.CreditDue;
import dev.failover.core.sla.DowntimeInterval;
import dev.failover.core.sla.DowntimeKind;
import dev.failover.core.sla.ErrorBudget;
import dev.failover.core.sla.MeasuredAvailability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the monthly report says, ready for its template. Downtime is rounded up and availability
 * down, so the report never flatters the provider.
 *
 * @param asOf for a month still running, when the figures were taken; null once final
 */
public record SlaReport(
    String namespace,
    String policy,
    String month,
    String asOf,
    String slaPercent,
    String availabilityPercent,
    String measured,
    String minutesDown,
    String minutesUnknown,
    String budgetAllowed,
    String budgetRemaining,
    String credit,
    List<Outage> outages) {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

  /** One row of the outage table. */
  public record Outage(String start, String end, String length, String kind, String rto) {}

  public boolean hasOutages() {
    return !outages.isEmpty();
  }

  /**
   * What makes a month-to-date report worth rewriting: an outage began or ended, the credit
   * changed. Figures that only drift with the clock (availability, minutes, the budget left) are
   * left out, so a long outage is not rewritten at every look.
   */
  SlaReport substance() {
    return new SlaReport(
        namespace,
        policy,
        month,
        null,
        slaPercent,
        null,
        null,
        null,
        null,
        budgetAllowed,
        null,
        credit,
        outages.stream()
            .map(
                outage ->
                    new Outage(outage.start(), outage.end(), null, outage.kind(), outage.rto()))
            .toList());
  }

  /**
   * @param intervals the ledger's downtime; those touching the month are listed, cut at its bounds
   * @param history the policy's completed failovers, whose RTO is shown beside their outage
   */
  static SlaReport of(
      String namespace,
      String policy,
      YearMonth month,
      Instant monthStart,
      Instant monthEnd,
      Instant asOf,
      BigDecimal slaPercent,
      MeasuredAvailability availability,
      ErrorBudget budget,
      Optional<CreditDue> credit,
      List<DowntimeInterval> intervals,
      List<FailoverRecord> history) {
    List<Outage> outages = new ArrayList<>();
    Instant until = asOf == null ? monthEnd : asOf;
    for (DowntimeInterval interval : intervals) {
      Instant start = interval.start().isBefore(monthStart) ? monthStart : interval.start();
      Instant end = interval.endOr(until).isAfter(monthEnd) ? monthEnd : interval.endOr(until);
      if (!start.isBefore(end)) {
        continue;
      }
      outages.add(
          new Outage(
              UTC_TIME.format(start),
              interval.isOpen() && asOf != null && end.equals(asOf)
                  ? "ongoing"
                  : UTC_TIME.format(end),
              DurationText.format(Duration.between(start, end)),
              interval.kind() == DowntimeKind.Down ? "down" : "unknown (not observed)",
              rtoOf(interval, until, history)));
    }
    return new SlaReport(
        namespace,
        policy,
        month.toString(),
        asOf == null ? null : UTC_TIME.format(asOf.truncatedTo(ChronoUnit.SECONDS)),
        slaPercent.stripTrailingZeros().toPlainString(),
        availability.percentText(),
        DurationText.format(
            Duration.ofMillis(availability.periodMillis()).truncatedTo(ChronoUnit.SECONDS)),
        minutesUp(availability.downtime().totalMillis()),
        minutesUp(availability.downtime().unknownMillis()),
        DurationText.format(
            Duration.ofMillis(budget.allowedMillis()).truncatedTo(ChronoUnit.SECONDS)),
        budget.remainingMillis() < 0
            ? "overspent by " + duration(-budget.remainingMillis())
            : duration(budget.remainingMillis()) + " left",
        credit
            .map(
                due ->
                    due.creditPercent().stripTrailingZeros().toPlainString()
                        + " % "
                        + due.remedy()
                        + " (availability below "
                        + due.belowAvailabilityPercent().stripTrailingZeros().toPlainString()
                        + " %)")
            .orElse("none"),
        outages);
  }

  private static String duration(long millis) {
    return DurationText.format(Duration.ofMillis(millis).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Minutes with one decimal, rounded up. */
  private static String minutesUp(long millis) {
    return BigDecimal.valueOf(millis)
        .divide(BigDecimal.valueOf(60_000), 1, RoundingMode.UP)
        .toPlainString();
  }

  /** The measured RTO of the failovers detected during the outage (or just before it began). */
  private static String rtoOf(
      DowntimeInterval interval, Instant until, List<FailoverRecord> history) {
    Instant from = interval.start().minus(Duration.ofMinutes(1));
    Instant to = interval.endOr(until);
    List<String> found = new ArrayList<>();
    for (FailoverRecord record : history) {
      String detected =
          record.getDetectedAt() != null ? record.getDetectedAt() : record.getStartedAt();
      if (detected == null || record.getMeasuredRtoMillis() == null) {
        continue;
      }
      Instant at = Instant.parse(detected);
      if (!at.isBefore(from) && !at.isAfter(to)) {
        found.add(
            DurationText.format(Duration.ofMillis(record.getMeasuredRtoMillis()))
                + " ("
                + record.getFrom()
                + " → "
                + record.getTo()
                + ")");
      }
    }
    return found.isEmpty() ? "–" : String.join(", ", found);
  }
}
