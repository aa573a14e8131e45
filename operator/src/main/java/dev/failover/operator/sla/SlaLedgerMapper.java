package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.failoverpolicy.SlaAtRisk;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntime;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntimeKind;
import dev.failover.api.v1alpha1.failoverpolicy.SlaLedgerStatus;
import dev.failover.api.v1alpha1.failoverpolicy.SlaMonth;
import dev.failover.api.v1alpha1.failoverpolicy.SlaServiceState;
import dev.failover.core.sla.BurnRateAlerts;
import dev.failover.core.sla.Downtime;
import dev.failover.core.sla.DowntimeInterval;
import dev.failover.core.sla.DowntimeKind;
import dev.failover.core.sla.MonthSummary;
import dev.failover.core.sla.ServiceState;
import dev.failover.core.sla.SlaLedger;
import dev.failover.core.sla.SlaRisk;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ledger as {@code status.sla} and back. A status edited by hand into something unreadable
 * starts a new ledger rather than failing the policy: measuring afresh is safer than stopping.
 */
final class SlaLedgerMapper {
  private SlaLedgerMapper() {}

  static SlaLedger read(SlaLedgerStatus stored) {
    if (stored == null || stored.getSince() == null || stored.getHeartbeat() == null) {
      return SlaLedger.NOT_STARTED;
    }
    try {
      List<DowntimeInterval> intervals = new ArrayList<>();
      for (SlaDowntime downtime :
          Objects.requireNonNullElse(stored.getDowntime(), List.<SlaDowntime>of())) {
        intervals.add(
            new DowntimeInterval(
                Instant.parse(downtime.getStart()),
                downtime.getEnd() == null ? null : Instant.parse(downtime.getEnd()),
                DowntimeKind.valueOf(downtime.getKind().name())));
      }
      List<MonthSummary> months = new ArrayList<>();
      for (SlaMonth month : Objects.requireNonNullElse(stored.getMonths(), List.<SlaMonth>of())) {
        months.add(
            new MonthSummary(
                YearMonth.parse(month.getMonth()),
                month.getMeasuredMillis(),
                new Downtime(month.getDownMillis(), month.getUnknownMillis())));
      }
      SlaAtRisk atRisk = stored.getAtRisk();
      SlaRisk risk =
          atRisk == null
              ? null
              : new SlaRisk(
                  Instant.parse(atRisk.getRaisedAt()),
                  BurnRateAlerts.named(atRisk.getWindow()).orElseThrow(),
                  Instant.parse(atRisk.getLastFiringAt()));
      return new SlaLedger(
          Instant.parse(stored.getSince()),
          Instant.parse(stored.getHeartbeat()),
          ServiceState.valueOf(stored.getHeartbeatState().name()),
          intervals,
          months,
          risk);
    } catch (RuntimeException unreadable) {
      return SlaLedger.NOT_STARTED;
    }
  }

  static SlaLedgerStatus write(SlaLedger ledger) {
    if (!ledger.started()) {
      return null;
    }
    SlaLedgerStatus status = new SlaLedgerStatus();
    status.setSince(ledger.since().toString());
    status.setHeartbeat(ledger.heartbeat().toString());
    status.setHeartbeatState(SlaServiceState.valueOf(ledger.heartbeatState().name()));
    status.setDowntime(
        ledger.intervals().stream()
            .map(
                interval ->
                    new SlaDowntime(
                        SlaDowntimeKind.valueOf(interval.kind().name()),
                        interval.start().toString(),
                        interval.endIfClosed().map(Instant::toString).orElse(null)))
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    List<SlaMonth> months = new ArrayList<>();
    for (MonthSummary summary : ledger.months()) {
      SlaMonth month = new SlaMonth();
      month.setMonth(summary.month().toString());
      month.setMeasuredMillis(summary.measuredMillis());
      month.setDownMillis(summary.downtime().downMillis());
      month.setUnknownMillis(summary.downtime().unknownMillis());
      months.add(month);
    }
    status.setMonths(months);
    if (ledger.risk() != null) {
      SlaAtRisk atRisk = new SlaAtRisk();
      atRisk.setRaisedAt(ledger.risk().raisedAt().toString());
      atRisk.setWindow(ledger.risk().window().name());
      atRisk.setLastFiringAt(ledger.risk().lastFiringAt().toString());
      status.setAtRisk(atRisk);
    }
    return status;
  }
}
