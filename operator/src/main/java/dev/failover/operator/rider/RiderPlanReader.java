package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.BackupService;
import dev.failover.api.v1alpha1.common.FailoverPlan;
import dev.failover.api.v1alpha1.common.SlaTerms;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.Objectives;
import dev.failover.api.v1alpha1.paasrider.FailoverApplication;
import dev.failover.api.v1alpha1.paasrider.PaasFailoverPlan;
import dev.failover.core.DurationText;
import dev.failover.core.rider.FailoverPlanChecks.CreditTier;
import dev.failover.core.rider.FailoverPlanChecks.Plan;
import dev.failover.core.rider.FailoverPlanChecks.PlanPolicy;
import dev.failover.core.rider.FailoverPlanChecks.Sla;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a rider's failover plan, its policies and their data centers as the core's plan check. */
final class RiderPlanReader {
  private RiderPlanReader() {}

  /** The plan as stated; unset fields read as the CRD's defaults would have made them. */
  static Plan plan(FailoverPlan plan) {
    if (plan == null) {
      return Plan.NONE;
    }
    BackupService backup = plan.getBackupService();
    boolean provided = backup == null || !Boolean.FALSE.equals(backup.getProvided());
    boolean paas = plan instanceof PaasFailoverPlan;
    PaasFailoverPlan paasPlan = paas ? (PaasFailoverPlan) plan : null;
    return new Plan(
        Optional.ofNullable(plan.getMaxFailoverTime()).map(DurationText::parse),
        provided,
        provided && backup != null && backup.getInterval() != null
            ? Optional.of(DurationText.parse(backup.getInterval()))
            : Optional.empty(),
        Optional.ofNullable(plan.getSla()).map(RiderPlanReader::sla),
        plan.getPrivacyCompliance() == null
            ? Set.of()
            : plan.getPrivacyCompliance().stream().map(Enum::name).collect(Collectors.toSet()),
        paas,
        paas && paasPlan.getFailoverApplication() == FailoverApplication.Own,
        paas && paasPlan.getThirdPartyTools() != null
            ? List.copyOf(paasPlan.getThirdPartyTools())
            : List.of());
  }

  static PlanPolicy policy(FailoverPolicy policy) {
    Objectives objectives = policy.getSpec().getObjectives();
    return new PlanPolicy(
        policy.getMetadata().getName(),
        Optional.ofNullable(objectives).map(Objectives::getRto).map(DurationText::parse),
        Optional.ofNullable(objectives).map(Objectives::getSlaPercent),
        PolicySettingsMapper.settings(policy.getSpec()).placement().ordered());
  }

  /** The privacy laws a data center declares; none when it declares none. */
  static Set<String> laws(DataCenter dataCenter) {
    if (dataCenter.getSpec() == null || dataCenter.getSpec().getPrivacyCompliance() == null) {
      return Set.of();
    }
    return dataCenter.getSpec().getPrivacyCompliance().stream()
        .map(Enum::name)
        .collect(Collectors.toSet());
  }

  private static Sla sla(SlaTerms terms) {
    return new Sla(
        terms.getAvailabilityPercent() == null ? 100 : terms.getAvailabilityPercent(),
        terms.getCreditTiers() == null
            ? List.of()
            : terms.getCreditTiers().stream()
                .map(
                    tier ->
                        new CreditTier(
                            tier.getBelowAvailabilityPercent(),
                            tier.getCreditPercent(),
                            tier.getRemedy() == null ? null : tier.getRemedy().name()))
                .toList());
  }
}
