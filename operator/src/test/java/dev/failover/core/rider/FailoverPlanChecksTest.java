package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.FailoverPlanChecks.CreditTier;
import dev.failover.core.rider.FailoverPlanChecks.Plan;
import dev.failover.core.rider.FailoverPlanChecks.PlanCheck;
import dev.failover.core.rider.FailoverPlanChecks.PlanPolicy;
import dev.failover.core.rider.FailoverPlanChecks.Sla;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverPlanChecksTest {
  private static final Sla SLA =
      new Sla(
          99.9, List.of(new CreditTier(99.9, 10, "Discount"), new CreditTier(99.0, 30, "Refund")));
  private static final Map<String, Set<String>> LAWS =
      Map.of("toronto", Set.of("PIPEDA", "USFederalPrivacyAct"), "chicago", Set.of("PIPEDA"));

  private static Plan saas(Optional<Sla> sla, Set<String> laws) {
    return new Plan(
        Optional.of(Duration.ofMinutes(5)),
        true,
        Optional.of(Duration.ofHours(24)),
        sla,
        laws,
        false,
        false,
        List.of());
  }

  private static Plan paas(boolean own, List<String> tools) {
    return new Plan(
        Optional.of(Duration.ofMinutes(5)),
        true,
        Optional.of(Duration.ofHours(24)),
        Optional.of(SLA),
        Set.of(),
        true,
        own,
        tools);
  }

  private static PlanPolicy policy(String name, String rto, Double sla, String... dataCenters) {
    return new PlanPolicy(
        name,
        Optional.ofNullable(rto).map(r -> Duration.parse("PT" + r.toUpperCase())),
        Optional.ofNullable(sla),
        List.of(dataCenters));
  }

  private static PlanCheck check(List<PlanCheck> checks, String element) {
    return checks.stream().filter(c -> c.element().equals(element)).findFirst().orElseThrow();
  }

  @Test
  void aSaasPlanThatFitsItsPoliciesPassesEveryElementInAFixedOrder() {
    List<PlanCheck> checks =
        FailoverPlanChecks.check(
            saas(Optional.of(SLA), Set.of("PIPEDA")),
            List.of(policy("crm", "2m", 99.9, "toronto", "chicago")),
            LAWS);
    assertThat(checks)
        .extracting(PlanCheck::element)
        .containsExactly("maxFailoverTime", "backupService", "sla", "privacyCompliance");
    assertThat(checks).allMatch(PlanCheck::passed);
    assertThat(FailoverPlanChecks.allPassed(checks)).isTrue();
    assertThat(check(checks, "sla").message())
        .isEqualTo(
            "availability 99.9% covers every policy's slaPercent, with 2 consistent credit"
                + " tier(s)");
    assertThat(check(checks, "backupService").message())
        .isEqualTo("the provider backs up the data every 24h");
  }

  @Test
  void aPaasPlanAddsTheFailoverApplicationAndTheThirdPartyTools() {
    List<PlanCheck> checks = FailoverPlanChecks.check(paas(false, List.of()), List.of(), LAWS);
    assertThat(checks)
        .extracting(PlanCheck::element)
        .containsExactly(
            "maxFailoverTime",
            "backupService",
            "sla",
            "privacyCompliance",
            "failoverApplication",
            "thirdPartyTools");
    assertThat(checks).allMatch(PlanCheck::passed);
  }

  @Test
  void policiesWhoseRtoExceedsMaxFailoverTimeAreNamedWithTheirRto() {
    PlanCheck check =
        FailoverPlanChecks.maxFailoverTime(
            saas(Optional.of(SLA), Set.of()),
            List.of(policy("a", "10m", null), policy("b", "5m", null), policy("c", null, null)));
    assertThat(check.passed()).isFalse();
    assertThat(check.message())
        .isEqualTo(
            "policies whose spec.objectives.rto exceeds maxFailoverTime 5m: a (rto 10m); each"
                + " one's WithinRiderFailoverTime condition says so");
  }

  @Test
  void anRtoEqualToMaxFailoverTimeIsWithinIt() {
    assertThat(
            FailoverPlanChecks.maxFailoverTime(
                    saas(Optional.empty(), Set.of()), List.of(policy("a", "5m", null)))
                .passed())
        .isTrue();
  }

  @Test
  void aPlanWithoutMaxFailoverTimeOrPoliciesPassesAndSaysSo() {
    Plan noMax =
        new Plan(
            Optional.empty(),
            true,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            false,
            false,
            List.of());
    assertThat(FailoverPlanChecks.maxFailoverTime(noMax, List.of(policy("a", "1h", null))))
        .isEqualTo(new PlanCheck("maxFailoverTime", true, "the plan sets no maxFailoverTime"));
    assertThat(
            FailoverPlanChecks.maxFailoverTime(saas(Optional.empty(), Set.of()), List.of())
                .message())
        .isEqualTo("maxFailoverTime 5m; no policy runs under the rider yet");
  }

  @Test
  void noBackupServiceFailsTheBackupElement() {
    Plan plan =
        new Plan(
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            false,
            false,
            List.of());
    PlanCheck check = FailoverPlanChecks.backupService(plan);
    assertThat(check.passed()).isFalse();
    assertThat(check.message()).startsWith("backupService.provided is false");
  }

  @Test
  void aPolicyPromisingMoreThanTheProvidersSlaFailsTheSla() {
    PlanCheck check =
        FailoverPlanChecks.sla(
            saas(Optional.of(SLA), Set.of()),
            List.of(policy("crm", null, 99.95), policy("web", null, 99.9)));
    assertThat(check.passed()).isFalse();
    assertThat(check.message())
        .isEqualTo(
            "policies promise customers more than the provider's 99.9%"
                + " (spec.objectives.slaPercent): crm (99.95%)");
  }

  @Test
  void noSlaPassesOnlyWhileNoPolicyPromisesOne() {
    assertThat(
            FailoverPlanChecks.sla(
                    saas(Optional.empty(), Set.of()), List.of(policy("a", null, null)))
                .passed())
        .isTrue();
    PlanCheck promised =
        FailoverPlanChecks.sla(saas(Optional.empty(), Set.of()), List.of(policy("a", null, 99.5)));
    assertThat(promised.passed()).isFalse();
    assertThat(promised.message())
        .isEqualTo(
            "the plan states no SLA, yet policies promise customers one"
                + " (spec.objectives.slaPercent): a; no credit tier covers a breach");
  }

  @Test
  void anSlaWithoutCreditTiersEarnsNothingAndFails() {
    assertThat(FailoverPlanChecks.tierProblems(new Sla(99.9, List.of())))
        .containsExactly(
            "sla.creditTiers is empty: a breach of the SLA earns the customer nothing");
  }

  @Test
  void inconsistentCreditTiersAreEachNamed() {
    Sla sla =
        new Sla(
            99.5,
            List.of(
                new CreditTier(99.9, 10, "Discount"),
                new CreditTier(99.0, 5, "Refund"),
                new CreditTier(99.0, 50, "Refund"),
                new CreditTier(95.0, 0, "Discount"),
                new CreditTier(90.0, 0, "CancellationRight")));
    assertThat(FailoverPlanChecks.tierProblems(sla))
        .containsExactly(
            "the tier below 99.9% starts above the SLA's 99.5%",
            "the tier below 99% credits less (5%) than the tier below 99.9% (10%)",
            "two tiers start below 99%",
            "the tier below 95% gives a Discount of 0%",
            "the tier below 95% credits less (0%) than the tier below 99% (50%)");
  }

  @Test
  void aCancellationRightMayCreditNothing() {
    assertThat(
            FailoverPlanChecks.tierProblems(
                new Sla(
                    99.9,
                    List.of(
                        new CreditTier(99.9, 0, "CancellationRight"),
                        new CreditTier(99.0, 0, "CancellationRight")))))
        .isEmpty();
  }

  @Test
  void tiersInAnyOrderAreJudgedFromTheHighestThresholdDown() {
    assertThat(
            FailoverPlanChecks.tierProblems(
                new Sla(
                    99.9,
                    List.of(
                        new CreditTier(99.0, 30, "Refund"), new CreditTier(99.9, 10, "Discount")))))
        .isEmpty();
  }

  @Test
  void aDataCenterNotDeclaringEveryLawOfThePlanFailsPrivacyCompliance() {
    PlanCheck check =
        FailoverPlanChecks.privacyCompliance(
            saas(Optional.of(SLA), Set.of("PIPEDA", "USFederalPrivacyAct")),
            List.of(policy("crm", null, null, "toronto", "chicago")),
            LAWS);
    assertThat(check.passed()).isFalse();
    assertThat(check.message())
        .isEqualTo(
            "the plan promises PIPEDA, USFederalPrivacyAct, but policies of the rider may run in"
                + " data centers whose spec.privacyCompliance does not list them: chicago (does"
                + " not declare USFederalPrivacyAct)");
  }

  @Test
  void aDataCenterDeclaringNoneOrMissingFailsPrivacyComplianceAndIsNamed() {
    PlanCheck check =
        FailoverPlanChecks.privacyCompliance(
            saas(Optional.of(SLA), Set.of("GDPR")),
            List.of(policy("crm", null, null, "frankfurt", "ghost")),
            Map.of("frankfurt", Set.of()));
    assertThat(check.passed()).isFalse();
    assertThat(check.message())
        .endsWith("frankfurt (does not declare GDPR); ghost (no DataCenter of that name)");
  }

  @Test
  void everyDataCenterDeclaringThePlansLawsPassesAndIsListed() {
    PlanCheck check =
        FailoverPlanChecks.privacyCompliance(
            saas(Optional.of(SLA), Set.of("PIPEDA")),
            List.of(policy("a", null, null, "toronto"), policy("b", null, null, "chicago")),
            LAWS);
    assertThat(check)
        .isEqualTo(
            new PlanCheck(
                "privacyCompliance",
                true,
                "every data center the policies may run in declares PIPEDA: chicago, toronto"));
  }

  @Test
  void aPlanNamingNoLawPassesWhateverTheDataCenters() {
    assertThat(
            FailoverPlanChecks.privacyCompliance(
                    saas(Optional.of(SLA), Set.of()),
                    List.of(policy("a", null, null, "ghost")),
                    Map.of())
                .passed())
        .isTrue();
  }

  @Test
  void theDevelopersOwnFailoverApplicationFightsEveryPolicyOfTheOperator() {
    PlanCheck check =
        FailoverPlanChecks.failoverApplication(
            paas(true, List.of()),
            List.of(policy("pool-a", null, null), policy("pool-b", null, null)));
    assertThat(check.passed()).isFalse();
    assertThat(check.message())
        .isEqualTo(
            "Own: the developer's failover application moves the applications, yet this"
                + " operator fails over (and switches the traffic of) pool-a, pool-b by itself"
                + " too, and the two would fight: delete those policies, or set"
                + " failoverApplication: Provider");
  }

  @Test
  void theDevelopersOwnFailoverApplicationWithoutPoliciesAndTheProvidersPass() {
    assertThat(FailoverPlanChecks.failoverApplication(paas(true, List.of()), List.of()).passed())
        .isTrue();
    assertThat(
            FailoverPlanChecks.failoverApplication(
                    paas(false, List.of()), List.of(policy("a", null, null)))
                .message())
        .isEqualTo("Provider: this operator fails the applications over");
  }

  @Test
  void thirdPartyToolsBesideTrafficTheOperatorSwitchesAreShownNotFailed() {
    PlanCheck check =
        FailoverPlanChecks.thirdPartyTools(
            paas(false, List.of("haproxy", "f5")), List.of(policy("pool-a", null, null)));
    assertThat(check.passed()).isTrue();
    assertThat(check.message())
        .isEqualTo(
            "third-party tools in use: haproxy, f5; this operator switches the traffic of pool-a"
                + " through each one's DNS name: point the tools at that name, not at a data"
                + " center");
    assertThat(FailoverPlanChecks.thirdPartyTools(paas(false, List.of()), List.of()).message())
        .isEqualTo("no third-party tool is listed");
    assertThat(
            FailoverPlanChecks.thirdPartyTools(
                    paas(true, List.of("haproxy")), List.of(policy("a", null, null)))
                .message())
        .isEqualTo("third-party tools in use: haproxy");
  }

  @Test
  void oneFailedElementFailsTheWhole() {
    List<PlanCheck> checks =
        FailoverPlanChecks.check(
            saas(Optional.of(SLA), Set.of()), List.of(policy("a", "10m", null)), Map.of());
    assertThat(checks)
        .filteredOn(c -> !c.passed())
        .extracting(PlanCheck::element)
        .containsExactly("maxFailoverTime");
    assertThat(FailoverPlanChecks.allPassed(checks)).isFalse();
  }

  @Test
  void policiesAreNamedInNameOrderWhateverTheInputOrder() {
    List<PlanCheck> checks =
        FailoverPlanChecks.check(
            saas(Optional.of(SLA), Set.of()),
            List.of(policy("zeta", "10m", null), policy("alpha", "9m", null)),
            Map.of());
    assertThat(check(checks, "maxFailoverTime").message())
        .contains("alpha (rto 9m), zeta (rto 10m)");
  }
}
