package dev.failover.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntime;
import dev.failover.api.v1alpha1.failoverpolicy.SlaDowntimeKind;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.placement.PlacementPreference;
import dev.failover.core.sla.SlaPeriods;
import dev.failover.e2e.FailoverCrds;
import dev.failover.operator.observability.SlaMetrics;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger against a real API server: persisted in {@code status.sla} through the generated CRD
 * schema, read back by a second operator instance that finds the silence it did not observe, and
 * written as a report ConfigMap owned by the policy, with its Events once. The observations are
 * simulated (times are inputs), the API server is not. Each test has its own namespace.
 */
@ExtendWith(SharedTestbedExtension.class)
class SlaLedgerIT {
  private static final long GONE_WITHIN_SECONDS = 120;
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final PolicySettings SETTINGS =
      new PolicySettings(
          PlacementPreference.of(PlacementStrategy.Priority, "toronto", "chicago"),
          StandbyMode.Hot,
          FailbackMode.Automatic);
  private static final String POLICY =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata: {name: crm}
      spec:
        riderRef: {kind: SaasRider, name: crm}
        objectives: {slaPercent: 99.9}
        placement: {primary: toronto, secondaries: [chicago]}
        workload:
          manifests:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: crm-web}
              spec:
                replicas: 2
                selector: {matchLabels: {app: crm-web}}
                template:
                  metadata: {labels: {app: crm-web}}
                  spec: {containers: [{name: web, image: registry.example/crm:1.0}]}
      """;

  private KubernetesClient hub;
  private String namespace;

  @BeforeEach
  void ownNamespace(Testbed testbed, org.junit.jupiter.api.TestInfo test) {
    hub = testbed.dataCenter("hub").client();
    FailoverCrds.installInto(hub);
    namespace =
        "sla-" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  @AfterEach
  void deleteTheNamespace() {
    hub.namespaces().withName(namespace).delete();
    hub.namespaces()
        .withName(namespace)
        .waitUntilCondition(Objects::isNull, GONE_WITHIN_SECONDS, TimeUnit.SECONDS);
  }

  /** One operator's SLA ledger, writing to the real hub. */
  private PolicySlaLedger operator() {
    return new PolicySlaLedger(
        policy -> Optional.empty(),
        new EventSlaMoments(new ConditionEvents(hub, Clock.systemUTC())),
        new SlaMetrics(new SimpleMeterRegistry()),
        new SlaReports(hub));
  }

  private FailoverPolicy stored() {
    return hub.resources(FailoverPolicy.class).inNamespace(namespace).withName("crm").get();
  }

  /** Observes every 15 s from {@code from} for {@code length}, then stores the status once. */
  private Instant hold(PolicySlaLedger operator, boolean up, Instant from, Duration length) {
    FailoverPolicy policy = stored();
    FailoverPolicyStatus status =
        policy.getStatus() == null ? new FailoverPolicyStatus() : policy.getStatus();
    Instant end = from.plus(length);
    for (Instant at = from; at.isBefore(end); at = at.plusSeconds(15)) {
      operator.note(policy, status, situation(up, at));
    }
    // Through the status subresource and the generated schema, as the reconciler persists it.
    policy.setStatus(status);
    hub.resource(policy).updateStatus();
    return end;
  }

  private static PolicySituation situation(boolean up, Instant now) {
    return new PolicySituation(
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
        null,
        null,
        now);
  }

  /**
   * Where the simulated observations begin: an hour ago, or at the start of this month if that was
   * later, so that all of them (about half an hour) fall in one month.
   */
  private static Instant start() {
    Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    Instant monthStart = SlaPeriods.startOf(SlaPeriods.monthOf(Instant.now()));
    return hourAgo.isAfter(monthStart) ? hourAgo : monthStart;
  }

  private FailoverPolicy createPolicy() {
    FailoverPolicy policy = JSON.unmarshal(POLICY, FailoverPolicy.class);
    policy.getMetadata().setNamespace(namespace);
    return hub.resource(policy).create();
  }

  @Test
  void aRestartedOperatorResumesThePersistedLedgerAndRecordsItsSilenceAsUnknown() {
    createPolicy();
    Instant start = start();
    PolicySlaLedger first = operator();
    Instant t = hold(first, true, start, Duration.ofMinutes(10));
    t = hold(first, false, t, Duration.ofMinutes(2));
    String since = stored().getStatus().getSla().getSince();

    // The first operator is gone; a new one starts 10 minutes later, with nothing but the hub.
    PolicySlaLedger second = operator();
    t = hold(second, false, t.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1));
    hold(second, true, t, Duration.ofMinutes(1));

    FailoverPolicyStatus status = stored().getStatus();
    assertThat(status.getSla().getSince()).isEqualTo(since).isEqualTo(start.toString());
    List<SlaDowntime> downtime = status.getSla().getDowntime();
    assertThat(downtime)
        .extracting(SlaDowntime::getKind)
        .containsExactly(SlaDowntimeKind.Down, SlaDowntimeKind.Unknown, SlaDowntimeKind.Down);
    assertThat(downtime.get(0).getStart()).isEqualTo(start.plus(Duration.ofMinutes(10)).toString());
    assertThat(downtime.get(1).getStart()).isEqualTo(downtime.get(0).getEnd());
    assertThat(downtime.get(2).getStart()).isEqualTo(downtime.get(1).getEnd());
    assertThat(downtime.get(2).getEnd()).isEqualTo(t.toString());
    // 10 + 2 + 10 + 1 minutes measured up to the last observation, 13 of them down.
    assertThat(status.getAvailability().getDowntimeSeconds()).isEqualTo(13 * 60);
  }

  @Test
  void theReportConfigMapAppearsOwnedByThePolicyAndTheRiskIsToldOnce() {
    FailoverPolicy policy = createPolicy();
    Instant start = start();
    PolicySlaLedger operator = operator();
    Instant t = hold(operator, true, start, Duration.ofMinutes(10));
    t = hold(operator, false, t, Duration.ofMinutes(3));
    t = hold(operator, true, t, Duration.ofMinutes(2));
    String name = SlaReports.name("crm", SlaPeriods.monthOf(t).toString());
    ConfigMap report = hub.configMaps().inNamespace(namespace).withName(name).get();
    String version = report.getMetadata().getResourceVersion();

    hold(operator, true, t, Duration.ofMinutes(1));

    assertThat(report.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(policy.getMetadata().getUid()));
    assertThat(report.getMetadata().getLabels())
        .containsEntry(SlaReports.MONTH_LABEL, SlaPeriods.monthOf(t).toString());
    assertThat(report.getData().get(SlaReports.KEY))
        .startsWith("# SLA report: " + namespace + "/crm, " + SlaPeriods.monthOf(t))
        .contains("Month to date")
        .contains("| 3m | down |");
    assertThat(hub.configMaps().inNamespace(namespace).withName(name).get())
        .as("no outage began or ended: the report is not rewritten")
        .extracting(found -> found.getMetadata().getResourceVersion())
        .isEqualTo(version);
    List<Event> risks =
        hub.v1().events().inNamespace(namespace).list().getItems().stream()
            .filter(event -> "SlaAtRisk".equals(event.getReason()))
            .toList();
    assertThat(risks)
        .as("3 minutes down at 99.9 %% burns the 1h/5m window above 14.4, raised once")
        .singleElement()
        .satisfies(event -> assertThat(event.getMessage()).contains("1h/5m"));
    assertThat(stored().getStatus().getSla().getAtRisk()).isNotNull();
  }
}
