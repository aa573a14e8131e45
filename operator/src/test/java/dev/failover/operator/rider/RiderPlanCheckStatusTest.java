package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.FailoverPlanCheck;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.core.rider.FailoverPlanChecks.PlanCheck;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan read from a PaasRider, checked, and written by the status mapper. */
class RiderPlanCheckStatusTest {
  private static final PaasRider RIDER =
      Serialization.unmarshal(
          """
          apiVersion: failover.dev/v1alpha1
          kind: PaasRider
          metadata: {name: billing, namespace: shop, generation: 3}
          spec:
            license: {maxApplicationsDeveloped: 5, maxConcurrentDevelopers: 3, maxConcurrentSaasUsers: 10}
            applicationDevelopment: {applicationTypes: [BillingPayroll]}
            failoverPlan:
              failoverApplication: Own
              thirdPartyToolsAllowed: true
              thirdPartyTools: [haproxy]
              maxFailoverTime: 5m
              backupService: {provided: true, interval: 6h}
              sla:
                availabilityPercent: 99.9
                creditTiers:
                  - {belowAvailabilityPercent: 99.9, creditPercent: 10, remedy: Discount}
              privacyCompliance: [PIPEDA]
          """,
          PaasRider.class);

  private static final FailoverPolicy POLICY =
      Serialization.unmarshal(
          """
          apiVersion: failover.dev/v1alpha1
          kind: FailoverPolicy
          metadata: {name: pool-a, namespace: shop}
          spec:
            riderRef: {kind: PaasRider, name: billing}
            objectives: {rto: 10m, slaPercent: 99.5}
            placement: {primary: toronto, secondaries: [chicago]}
          """,
          FailoverPolicy.class);

  private static final DataCenter TORONTO =
      Serialization.unmarshal(
          """
          apiVersion: failover.dev/v1alpha1
          kind: DataCenter
          metadata: {name: toronto}
          spec: {region: ca-central, ingressAddress: 10.0.0.1, privacyCompliance: [PIPEDA, GDPR]}
          """,
          DataCenter.class);

  @Test
  void aPaasPlanIsReadWithItsOwnFailoverApplicationToolsAndLaws() {
    FailoverPlanChecks.Plan plan = RiderTerms.of(RIDER).failoverPlan();
    assertThat(plan.paas()).isTrue();
    assertThat(plan.ownFailoverApplication()).isTrue();
    assertThat(plan.thirdPartyTools()).containsExactly("haproxy");
    assertThat(plan.backupInterval()).hasValue(Duration.ofHours(6));
    assertThat(plan.maxFailoverTime()).hasValue(Duration.ofMinutes(5));
    assertThat(plan.privacyLaws()).containsExactly("PIPEDA");
    assertThat(plan.sla().orElseThrow().creditTiers()).hasSize(1);
  }

  @Test
  void aPolicyAndADataCenterAreReadForThePlan() {
    assertThat(RiderPlanReader.policy(POLICY))
        .isEqualTo(
            new FailoverPlanChecks.PlanPolicy(
                "pool-a",
                Optional.of(Duration.ofMinutes(10)),
                Optional.of(99.5),
                List.of("toronto", "chicago")));
    assertThat(RiderPlanReader.laws(TORONTO)).containsExactlyInAnyOrder("PIPEDA", "GDPR");
    assertThat(RiderPlanReader.laws(new DataCenter())).isEmpty();
  }

  @Test
  void aRiderWithoutAPlanReadsAsTheDefaultsWouldHaveIt() {
    FailoverPlanChecks.Plan plan = RiderPlanReader.plan(null);
    assertThat(plan.backupProvided()).isTrue();
    assertThat(plan.paas()).isFalse();
    assertThat(FailoverPlanChecks.check(plan, List.of(), Map.of())).allMatch(PlanCheck::passed);
  }

  @Test
  void theChecksGoIntoStatusAndTheConditionNamesTheFirstElementNotMet() {
    List<PlanCheck> checks =
        FailoverPlanChecks.check(
            RiderTerms.of(RIDER).failoverPlan(),
            List.of(RiderPlanReader.policy(POLICY)),
            Map.of("toronto", RiderPlanReader.laws(TORONTO)));
    RiderStatus status = new RiderStatus();
    RiderStatusMapper mapper =
        new RiderStatusMapper(Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC));

    mapper.planChecked(RIDER, status, null, checks);

    assertThat(status.getPlanChecks())
        .extracting(FailoverPlanCheck::getElement, FailoverPlanCheck::getPassed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("maxFailoverTime", false),
            org.assertj.core.groups.Tuple.tuple("backupService", true),
            org.assertj.core.groups.Tuple.tuple("sla", true),
            org.assertj.core.groups.Tuple.tuple("privacyCompliance", false),
            org.assertj.core.groups.Tuple.tuple("failoverApplication", false),
            org.assertj.core.groups.Tuple.tuple("thirdPartyTools", true));
    var condition = status.condition(ConditionTypes.FAILOVER_PLAN_VALID).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("MaxFailoverTimeNotMet");
    assertThat(condition.getMessage())
        .contains("failoverPlan.maxFailoverTime: policies whose spec.objectives.rto exceeds")
        .contains("failoverPlan.privacyCompliance: the plan promises PIPEDA")
        .contains("chicago (no DataCenter of that name)")
        .contains("failoverPlan.failoverApplication: Own:");
    // Advisory: the summary is not touched.
    assertThat(status.condition(ConditionTypes.READY)).isEmpty();
  }

  @Test
  void aPlanThatFitsIsTrueWithItsOwnReason() {
    RiderStatus status = new RiderStatus();
    new RiderStatusMapper(Clock.systemUTC())
        .planChecked(RIDER, status, null, List.of(new PlanCheck("sla", true, "fits")));
    var condition = status.condition(ConditionTypes.FAILOVER_PLAN_VALID).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("PlanFits");
    assertThat(status.getPlanChecks())
        .singleElement()
        .extracting(FailoverPlanCheck::getMessage)
        .isEqualTo("fits");
  }
}
