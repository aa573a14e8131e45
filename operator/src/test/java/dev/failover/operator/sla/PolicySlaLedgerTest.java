package dev.failover.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntimeKind;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.placement.PlacementPreference;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.operator.observability.SlaMetrics;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicySlaLedgerTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final PolicySettings SETTINGS =
      new PolicySettings(
          PlacementPreference.of(PlacementStrategy.Priority, "toronto", "chicago"),
          StandbyMode.Hot,
          FailbackMode.Automatic);
  private static final FailoverPlanChecks.Sla RIDER_SLA =
      new FailoverPlanChecks.Sla(
          99.9,
          List.of(
              new FailoverPlanChecks.CreditTier(99.9, 10, "Discount"),
              new FailoverPlanChecks.CreditTier(99.0, 25, "Refund")));

  private final List<String> told = new ArrayList<>();
  private final List<SlaReport> reports = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private PolicySlaLedger ledger = newLedger();

  /** A ledger as a newly started operator has it: it has observed nothing yet. */
  private PolicySlaLedger newLedger() {
    return new PolicySlaLedger(
        policy -> Optional.of(RIDER_SLA),
        new SlaMoments() {
          @Override
          public void slaAtRiskRaised(FailoverPolicy policy, AtRisk risk) {
            told.add("raised " + risk.occurrenceId() + " " + risk.window());
          }

          @Override
          public void slaAtRiskCleared(FailoverPolicy policy, AtRisk risk, Instant clearedAt) {
            told.add("cleared " + risk.occurrenceId());
          }

          @Override
          public void slaCreditDue(FailoverPolicy policy, CreditDue due) {
            told.add(
                "credit "
                    + due.occurrenceId()
                    + " "
                    + due.credit().getCreditPercent()
                    + " "
                    + due.credit().getRemedy());
          }
        },
        new SlaMetrics(registry),
        new SlaReportWriter() {
          @Override
          public void write(FailoverPolicy policy, SlaReport report) {
            reports.add(report);
          }

          @Override
          public void forget(String namespace, String policy) {}
        });
  }

  private final FailoverPolicy policy =
      JSON.unmarshal(
          """
          apiVersion: failover.dev/v1alpha1
          kind: FailoverPolicy
          metadata: {name: crm, namespace: shop, uid: 7d0c}
          spec:
            riderRef: {kind: SaasRider, name: crm}
            objectives: {slaPercent: 99.9}
            placement: {primary: toronto, secondaries: [chicago]}
            workload: {manifests: []}
          """,
          FailoverPolicy.class);

  /** The status as the API server would store it: what a restarted operator reads back. */
  private FailoverPolicyStatus status = new FailoverPolicyStatus();

  private void observe(boolean up, Instant now) {
    PolicySituation situation =
        new PolicySituation(
            new FailoverProgress(FailoverPhase.Active, "toronto", null, null, null, null, Set.of()),
            SETTINGS,
            List.of(
                new DataCenterView(
                    "toronto",
                    up ? DataCenterPhase.Healthy : DataCenterPhase.Unreachable,
                    now,
                    null,
                    true,
                    up)),
            up ? Map.of("toronto", WorkloadObservation.running(2, true)) : Map.of(),
            "toronto",
            null,
            now);
    ledger.note(policy, status, situation);
    status = JSON.unmarshal(JSON.asJson(status), FailoverPolicyStatus.class);
  }

  private Instant hold(boolean up, Instant from, Duration length) {
    Instant end = from.plus(length);
    for (Instant at = from; at.isBefore(end); at = at.plusSeconds(15)) {
      observe(up, at);
    }
    return end;
  }

  private double gauge(String name) {
    return registry.get(name).tags("namespace", "shop", "policy", "crm").gauge().value();
  }

  @Test
  void anOutageFillsTheLedgerTheAvailabilityAndTheMetrics() {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    t = hold(true, t, Duration.ofHours(1));
    t = hold(false, t, Duration.ofMinutes(10));
    t = hold(true, t, Duration.ofMinutes(30));
    observe(true, t);

    assertThat(status.getSla().getSince()).isEqualTo("2026-11-10T00:00:00Z");
    assertThat(status.getSla().getDowntime())
        .singleElement()
        .satisfies(
            down -> {
              assertThat(down.getKind()).isEqualTo(SlaDowntimeKind.Down);
              assertThat(down.getStart()).isEqualTo("2026-11-10T01:00:00Z");
              assertThat(down.getEnd()).isEqualTo("2026-11-10T01:10:00Z");
            });
    assertThat(status.getAvailability().getDowntimeSeconds()).isEqualTo(600);
    assertThat(status.getAvailability().getWindow()).isEqualTo("720h");
    // 600 s of 1 h 40 min measured so far.
    assertThat(status.getAvailability().getMonthToDatePercent()).isEqualTo(90.0);
    assertThat(gauge(SlaMetrics.BUDGET)).isEqualTo(2_592 - 600);
    assertThat(gauge(SlaMetrics.AVAILABILITY)).isEqualTo(0.9);
  }

  @Test
  void theMonthsCreditIsInTheMetricNowAndInTheStatusAsOfTheHeartbeat() {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    t = hold(true, t, Duration.ofHours(10));
    t = hold(false, t, Duration.ofMinutes(7));

    // Now (10:06:45): 405 s down of 10 h 6 min 45 s, 98.88 %: the Refund tier.
    assertThat(gauge(SlaMetrics.CREDIT)).isEqualTo(25.0);
    // At the heartbeat (10:05): 300 s down of 10 h 5 min, 99.17 %: the Discount tier.
    assertThat(status.getSla().getHeartbeat()).isEqualTo("2026-11-10T10:05:00Z");
    assertThat(status.getSlaCreditDue().getRemedy()).isEqualTo(Remedy.Discount);
    assertThat(status.getSlaCreditDue().getMeasuredAvailabilityPercent()).isEqualTo(99.173);

    hold(false, t, Duration.ofMinutes(4));

    assertThat(status.getSla().getHeartbeat()).isEqualTo("2026-11-10T10:10:00Z");
    assertThat(status.getSlaCreditDue().getRemedy()).isEqualTo(Remedy.Refund);
    assertThat(status.getSlaCreditDue().getCreditPercent()).isEqualTo(25.0);
    assertThat(status.getSlaCreditDue().getPeriod()).isEqualTo("2026-11");
  }

  @Test
  void betweenHeartbeatsTheStatusFiguresDoNotDriftWithTheClock() {
    // A young ledger with an outage: measured now, its availability would change at every look.
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    t = hold(true, t, Duration.ofMinutes(20));
    t = hold(false, t, Duration.ofMinutes(1));
    observe(true, t);
    String figures = JSON.asJson(status.getAvailability());
    double availabilityNow = gauge(SlaMetrics.AVAILABILITY);

    hold(true, t.plusSeconds(15), Duration.ofMinutes(4));

    assertThat(JSON.asJson(status.getAvailability())).isEqualTo(figures);
    assertThat(status.getSla().getHeartbeat()).isEqualTo(t.toString());
    // The metric is measured at each look: it rose as the outage fell further behind.
    assertThat(gauge(SlaMetrics.AVAILABILITY)).isGreaterThan(availabilityNow);
  }

  @Test
  void aRestartDuringAnOutageResumesFromThePersistedLedgerWithTheGapUnknown() {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    t = hold(true, t, Duration.ofHours(1));
    t = hold(false, t, Duration.ofMinutes(2));
    // The operator is gone for 10 minutes; the new one reads the stored status.
    ledger = newLedger();
    t = hold(false, t.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1));
    hold(true, t, Duration.ofMinutes(1));

    assertThat(status.getSla().getDowntime())
        .extracting(down -> down.getKind())
        .containsExactly(SlaDowntimeKind.Down, SlaDowntimeKind.Unknown, SlaDowntimeKind.Down);
    assertThat(status.getSla().getSince()).isEqualTo("2026-11-10T00:00:00Z");
  }

  @Test
  void theRiskIsToldOnceRaisedAndOnceClearedWithOneOccurrenceId() {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    t = hold(true, t, Duration.ofHours(1));
    t = hold(false, t, Duration.ofMinutes(5));
    hold(true, t, Duration.ofHours(7));

    assertThat(told)
        .containsExactly(
            "raised 7d0c/SlaAtRisk/2026-11-10T01:01:00Z 1h/5m",
            "cleared 7d0c/SlaAtRisk/2026-11-10T01:01:00Z");
    assertThat(status.getSla().getAtRisk()).isNull();
  }

  @Test
  void aClosedMonthWithACreditIsToldOnceAndGetsItsFinalReport() {
    Instant t = Instant.parse("2026-11-30T20:00:00Z");
    t = hold(true, t, Duration.ofHours(1));
    t = hold(false, t, Duration.ofMinutes(5));
    hold(true, t, Duration.ofHours(5));

    assertThat(told)
        .filteredOn(line -> line.startsWith("credit"))
        .containsExactly("credit 7d0c/SlaCreditDue/2026-11 25.0 Refund");
    assertThat(status.getSla().getMonths())
        .singleElement()
        .satisfies(month -> assertThat(month.getMonth()).isEqualTo("2026-11"));
    assertThat(reports)
        .filteredOn(report -> report.month().equals("2026-11") && report.asOf() == null)
        .singleElement()
        .satisfies(
            report -> {
              assertThat(report.credit()).startsWith("25 % Refund");
              assertThat(report.outages()).hasSize(1);
            });
    assertThat(YearMonth.parse(reports.get(reports.size() - 1).month()))
        .isEqualTo(YearMonth.of(2026, 12));
  }

  @Test
  void noReportIsWrittenInTheMiddleOfAnOutageSoAFailoverNeverWaitsForOne() {
    Instant t = hold(true, Instant.parse("2026-11-10T00:00:00Z"), Duration.ofMinutes(5));
    int before = reports.size();

    t = hold(false, t, Duration.ofMinutes(5));
    assertThat(reports).hasSize(before);

    observe(true, t);
    assertThat(reports).hasSize(before + 1);
    assertThat(reports.get(reports.size() - 1).outages()).singleElement();
  }

  @Test
  void theLedgerKeepsWholeMilliseconds() {
    Instant t = hold(true, Instant.parse("2026-11-10T00:00:00Z"), Duration.ofMinutes(1));
    observe(false, t.plusNanos(123_456_789));

    assertThat(status.getSla().getDowntime())
        .singleElement()
        .satisfies(down -> assertThat(down.getStart()).isEqualTo("2026-11-10T00:01:00.123Z"));
  }

  @Test
  void forgettingThePolicyEndsItsSeries() {
    hold(true, Instant.parse("2026-11-10T00:00:00Z"), Duration.ofMinutes(1));

    ledger.forget("shop", "crm");

    assertThat(registry.find(SlaMetrics.AVAILABILITY).meters()).isEmpty();
    assertThat(registry.find(SlaMetrics.CREDIT).meters()).isEmpty();
  }

  @Test
  void beforeTheWorkloadFirstServesNothingIsMeasured() {
    hold(false, Instant.parse("2026-11-10T00:00:00Z"), Duration.ofMinutes(5));

    assertThat(status.getSla()).isNull();
    assertThat(status.getAvailability()).isNull();
    assertThat(told).isEmpty();
  }
}
