package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.failoverpolicy.Availability;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.Objectives;
import dev.failover.core.DurationText;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.core.sla.CreditDue;
import dev.failover.core.sla.CreditSchedule;
import dev.failover.core.sla.ErrorBudget;
import dev.failover.core.sla.MeasuredAvailability;
import dev.failover.core.sla.MonthSummary;
import dev.failover.core.sla.ServiceRule;
import dev.failover.core.sla.ServiceState;
import dev.failover.core.sla.SlaFigures;
import dev.failover.core.sla.SlaLedger;
import dev.failover.core.sla.SlaMoment;
import dev.failover.core.sla.SlaPeriods;
import dev.failover.core.sla.SlaRisk;
import dev.failover.operator.observability.SlaMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps each policy's SLA ledger from what the policy reconciler observed: folds the observation
 * into {@code status.sla} (persisted with the rest of the status), fills {@code
 * status.availability} and {@code status.slaCreditDue} for the current month, and updates the
 * metrics, the monthly report and the {@link SlaMoments}.
 */
public final class PolicySlaLedger {
  private static final BigDecimal DEFAULT_SLA = new BigDecimal("99.9");

  private final Function<FailoverPolicy, Optional<FailoverPlanChecks.Sla>> riderSla;
  private final SlaMoments moments;
  private final SlaMetrics metrics;
  private final SlaReportWriter reports;

  /**
   * The policies this operator has observed since it started, by namespace and name. For these, the
   * silence since the last observation is no gap: the operator looks again on every change (see
   * {@link SlaLedger#observe(ServiceState, Instant, BigDecimal, boolean)}).
   */
  private final Set<String> observing = ConcurrentHashMap.newKeySet();

  /**
   * @param riderSla the SLA of the policy's rider, whose credit tiers apply; empty when the rider
   *     states none
   */
  public PolicySlaLedger(
      Function<FailoverPolicy, Optional<FailoverPlanChecks.Sla>> riderSla,
      SlaMoments moments,
      SlaMetrics metrics,
      SlaReportWriter reports) {
    this.riderSla = riderSla;
    this.moments = moments;
    this.metrics = metrics;
    this.reports = reports;
  }

  /** Folds one observation of the policy into its status's ledger and figures. */
  public void note(FailoverPolicy policy, FailoverPolicyStatus status, PolicySituation situation) {
    BigDecimal sla = slaPercent(policy);
    // Whole milliseconds, as the ledger counts them.
    Instant now = situation.now().truncatedTo(ChronoUnit.MILLIS);
    SlaLedger.Update update =
        SlaLedgerMapper.read(status.getSla())
            .observe(ServiceRule.of(situation), now, sla, !observing.add(key(policy)));
    SlaLedger ledger = update.ledger();
    status.setSla(SlaLedgerMapper.write(ledger));
    if (!ledger.started()) {
      return;
    }
    List<FailoverPlanChecks.CreditTier> tiers =
        riderSla.apply(policy).map(FailoverPlanChecks.Sla::creditTiers).orElse(List.of());
    SlaFigures figures = ledger.figures(now, sla);
    Optional<CreditDue> monthCredit = CreditSchedule.due(figures.monthToDate(), tiers);
    // The status's figures are measured at the heartbeat, not now: measured now, they drift with
    // the clock (a young ledger or month, an outage going on), and every look of a policy waiting
    // for a failback slot wrote its status for them alone. The heartbeat moves on every change and
    // at least every 5 minutes; the metrics and the moments below are measured now.
    SlaFigures persisted = ledger.figures(ledger.heartbeat(), sla);
    status.setAvailability(availability(persisted));
    status.setSlaCreditDue(
        CreditSchedule.due(persisted.monthToDate(), tiers)
            .map(due -> credit(due, persisted.monthToDate(), sla, persisted.month()))
            .orElse(null));
    metrics.recorded(
        policy.getMetadata().getNamespace(),
        policy.getMetadata().getName(),
        new SlaMetrics.Figures(
            figures.rollingWindow().ratio(),
            figures.monthBudget().remainingSeconds(),
            monthCredit.map(due -> due.creditPercent().doubleValue()).orElse(0.0)));
    List<FailoverRecord> history = history(status);
    for (SlaMoment moment : update.moments()) {
      tell(policy, moment, figures, ledger, sla, tiers, history);
    }
    // Not in the middle of an outage: a failover must never wait for a report.
    if (ledger.heartbeatState() != ServiceState.Up) {
      return;
    }
    reports.write(
        policy,
        SlaReport.of(
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            figures.month(),
            SlaPeriods.startOf(figures.month()),
            SlaPeriods.endOf(figures.month()),
            now,
            sla,
            figures.monthToDate(),
            figures.monthBudget(),
            monthCredit,
            ledger.intervals(),
            history));
  }

  /**
   * The operator stops observing the policy for now (it is blocked): the silence until it observes
   * it again is a gap like an operator restart.
   */
  public void pause(FailoverPolicy policy) {
    observing.remove(key(policy));
  }

  /** The policy is deleted: its series end, and its reports go with it. */
  public void forget(String namespace, String policy) {
    observing.remove(namespace + "/" + policy);
    metrics.forget(namespace, policy);
    reports.forget(namespace, policy);
  }

  private void tell(
      FailoverPolicy policy,
      SlaMoment moment,
      SlaFigures figures,
      SlaLedger ledger,
      BigDecimal sla,
      List<FailoverPlanChecks.CreditTier> tiers,
      List<FailoverRecord> history) {
    String uid = policy.getMetadata().getUid();
    if (moment instanceof SlaMoment.RiskRaised raised) {
      moments.slaAtRiskRaised(policy, atRisk(uid, raised.risk(), figures));
    } else if (moment instanceof SlaMoment.RiskCleared cleared) {
      moments.slaAtRiskCleared(policy, atRisk(uid, cleared.risk(), figures), cleared.clearedAt());
    } else if (moment instanceof SlaMoment.MonthClosed closed) {
      monthClosed(policy, closed.summary(), ledger, sla, tiers, history);
    }
  }

  /** The month's final report, and its credit if one is due. */
  private void monthClosed(
      FailoverPolicy policy,
      MonthSummary summary,
      SlaLedger ledger,
      BigDecimal sla,
      List<FailoverPlanChecks.CreditTier> tiers,
      List<FailoverRecord> history) {
    Optional<CreditDue> due = CreditSchedule.due(summary.availability(), tiers);
    Instant start = SlaPeriods.startOf(summary.month());
    Instant end = SlaPeriods.endOf(summary.month());
    reports.write(
        policy,
        SlaReport.of(
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            summary.month(),
            start,
            end,
            null,
            sla,
            summary.availability(),
            ErrorBudget.of(sla, Duration.between(start, end), summary.downtime().totalMillis()),
            due,
            ledger.intervals(),
            history));
    due.ifPresent(
        credit ->
            moments.slaCreditDue(
                policy,
                new SlaMoments.CreditDue(
                    policy.getMetadata().getUid() + "/SlaCreditDue/" + summary.month(),
                    summary.month(),
                    credit(credit, summary.availability(), sla, summary.month()))));
  }

  private static SlaMoments.AtRisk atRisk(String uid, SlaRisk risk, SlaFigures figures) {
    return new SlaMoments.AtRisk(
        uid + "/SlaAtRisk/" + risk.raisedAt(),
        risk.raisedAt(),
        risk.window().name(),
        risk.window().severity().name(),
        figures.monthToDate().percentText(),
        figures.monthBudget().remainingSeconds());
  }

  private static Availability availability(SlaFigures figures) {
    Availability availability = new Availability();
    availability.setPercent(Double.valueOf(figures.rollingWindow().percentText()));
    availability.setWindow(DurationText.format(SlaPeriods.ROLLING_WINDOW));
    availability.setMonthToDatePercent(Double.valueOf(figures.monthToDate().percentText()));
    availability.setErrorBudgetRemainingPercent(
        figures.monthBudget().remainingPercent().doubleValue());
    availability.setDowntimeSeconds(figures.rollingWindow().downtime().totalMillis() / 1000);
    return availability;
  }

  private static SlaCredit credit(
      CreditDue due, MeasuredAvailability availability, BigDecimal sla, YearMonth month) {
    SlaCredit credit = new SlaCredit();
    credit.setRemedy(Remedy.valueOf(due.remedy()));
    credit.setCreditPercent(due.creditPercent().doubleValue());
    credit.setMeasuredAvailabilityPercent(Double.valueOf(availability.percentText()));
    credit.setSlaPercent(sla.doubleValue());
    credit.setPeriod(month.toString());
    return credit;
  }

  private static String key(FailoverPolicy policy) {
    return policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
  }

  private static BigDecimal slaPercent(FailoverPolicy policy) {
    Objectives objectives = policy.getSpec().getObjectives();
    return objectives == null || objectives.getSlaPercent() == null
        ? DEFAULT_SLA
        : BigDecimal.valueOf(objectives.getSlaPercent());
  }

  private static List<FailoverRecord> history(FailoverPolicyStatus status) {
    return status.getHistory() == null ? List.of() : new ArrayList<>(status.getHistory());
  }
}
