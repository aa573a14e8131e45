package dev.failover.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.SlaLedgerStatus;
import dev.failover.core.sla.BurnRateAlerts;
import dev.failover.core.sla.Downtime;
import dev.failover.core.sla.DowntimeInterval;
import dev.failover.core.sla.DowntimeKind;
import dev.failover.core.sla.MonthSummary;
import dev.failover.core.sla.ServiceState;
import dev.failover.core.sla.SlaLedger;
import dev.failover.core.sla.SlaRisk;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaLedgerMapperTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void aLedgerSurvivesTheTripThroughTheStatusUnchanged() {
    Instant t = Instant.parse("2026-11-10T01:00:00.250Z");
    SlaLedger ledger =
        new SlaLedger(
            t.minusSeconds(86_400),
            t,
            ServiceState.Down,
            List.of(
                new DowntimeInterval(
                    t.minusSeconds(600), t.minusSeconds(300), DowntimeKind.Unknown),
                DowntimeInterval.open(t.minusSeconds(60), DowntimeKind.Down)),
            List.of(new MonthSummary(YearMonth.of(2026, 10), 2_678_400_000L, new Downtime(5, 7))),
            new SlaRisk(t.minusSeconds(30), BurnRateAlerts.TABLE.get(1), t));

    String stored = JSON.asJson(SlaLedgerMapper.write(ledger));

    assertThat(SlaLedgerMapper.read(JSON.unmarshal(stored, SlaLedgerStatus.class)))
        .isEqualTo(ledger);
  }

  @Test
  void aLedgerNotStartedIsNoStatus() {
    assertThat(SlaLedgerMapper.write(SlaLedger.NOT_STARTED)).isNull();
    assertThat(SlaLedgerMapper.read(null)).isEqualTo(SlaLedger.NOT_STARTED);
  }

  @Test
  void anUnreadableHandEditedLedgerStartsAfresh() {
    SlaLedgerStatus edited = new SlaLedgerStatus();
    edited.setSince("yesterday");
    edited.setHeartbeat("2026-11-10T01:00:00Z");

    assertThat(SlaLedgerMapper.read(edited)).isEqualTo(SlaLedger.NOT_STARTED);
  }
}
