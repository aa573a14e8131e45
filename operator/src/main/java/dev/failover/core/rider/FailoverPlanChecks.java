package dev.failover.core.rider;

import dev.failover.core.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A rider's failover plan checked against the policies under it and the data centers they may run
 * in: one {@link PlanCheck} per element of the plan, in a fixed order. The package's prose says
 * what each check means.
 */
public final class FailoverPlanChecks {
  public static final String MAX_FAILOVER_TIME = "maxFailoverTime";
  public static final String BACKUP_SERVICE = "backupService";
  public static final String SLA = "sla";
  public static final String PRIVACY_COMPLIANCE = "privacyCompliance";
  public static final String FAILOVER_APPLICATION = "failoverApplication";
  public static final String THIRD_PARTY_TOOLS = "thirdPartyTools";

  private FailoverPlanChecks() {}

  /** One step of the SLA's credit schedule. */
  public record CreditTier(double belowAvailabilityPercent, double creditPercent, String remedy) {}

  /** The SLA the provider offers. */
  public record Sla(double availabilityPercent, List<CreditTier> creditTiers) {
    public Sla {
      creditTiers = List.copyOf(creditTiers);
    }
  }

  /**
   * The plan as the rider states it.
   *
   * @param backupInterval the time between backups, when a backup service is provided
   * @param sla the SLA, if the plan states one
   * @param privacyLaws the laws the provider complies with; empty when the plan names none
   * @param ownFailoverApplication PaaS: the developer's own application moves the workloads
   * @param thirdPartyTools PaaS: the third-party tools the developer uses for failover
   */
  public record Plan(
      Optional<Duration> maxFailoverTime,
      boolean backupProvided,
      Optional<Duration> backupInterval,
      Optional<Sla> sla,
      Set<String> privacyLaws,
      boolean paas,
      boolean ownFailoverApplication,
      List<String> thirdPartyTools) {
    /** A rider that states no plan: the CRD's defaults, less the failover time. */
    public static final Plan NONE =
        new Plan(
            Optional.empty(),
            true,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            false,
            false,
            List.of());

    public Plan {
      privacyLaws = Set.copyOf(privacyLaws);
      thirdPartyTools = List.copyOf(thirdPartyTools);
    }
  }

  /**
   * A policy under the rider, as the plan sees it.
   *
   * @param rto spec.objectives.rto, if set
   * @param slaPercent spec.objectives.slaPercent, if set
   * @param dataCenters every data center the policy may run in
   */
  public record PlanPolicy(
      String name, Optional<Duration> rto, Optional<Double> slaPercent, List<String> dataCenters) {
    public PlanPolicy {
      dataCenters = List.copyOf(dataCenters);
    }
  }

  /** One element of the plan, checked: what a person reads in the rider's status. */
  public record PlanCheck(String element, boolean passed, String message) {}

  /**
   * Checks every element of {@code plan} against {@code policies}; {@code dataCenterLaws} gives the
   * privacy laws each data center declares (empty when it declares none), and has no entry for a
   * data center without a DataCenter.
   */
  public static List<PlanCheck> check(
      Plan plan, List<PlanPolicy> policies, Map<String, Set<String>> dataCenterLaws) {
    List<PlanPolicy> sorted =
        policies.stream().sorted(Comparator.comparing(PlanPolicy::name)).toList();
    List<PlanCheck> checks = new ArrayList<>();
    checks.add(maxFailoverTime(plan, sorted));
    checks.add(backupService(plan));
    checks.add(sla(plan, sorted));
    checks.add(privacyCompliance(plan, sorted, dataCenterLaws));
    if (plan.paas()) {
      checks.add(failoverApplication(plan, sorted));
      checks.add(thirdPartyTools(plan, sorted));
    }
    return checks;
  }

  /** Whether every check passed. */
  public static boolean allPassed(List<PlanCheck> checks) {
    return checks.stream().allMatch(PlanCheck::passed);
  }

  static PlanCheck maxFailoverTime(Plan plan, List<PlanPolicy> policies) {
    if (plan.maxFailoverTime().isEmpty()) {
      return new PlanCheck(MAX_FAILOVER_TIME, true, "the plan sets no maxFailoverTime");
    }
    Duration max = plan.maxFailoverTime().get();
    List<String> over =
        policies.stream()
            .filter(p -> p.rto().filter(rto -> rto.compareTo(max) > 0).isPresent())
            .map(p -> p.name() + " (rto " + DurationText.format(p.rto().get()) + ")")
            .toList();
    if (!over.isEmpty()) {
      return new PlanCheck(
          MAX_FAILOVER_TIME,
          false,
          "policies whose spec.objectives.rto exceeds maxFailoverTime "
              + DurationText.format(max)
              + ": "
              + String.join(", ", over)
              + "; each one's WithinRiderFailoverTime condition says so");
    }
    return new PlanCheck(
        MAX_FAILOVER_TIME,
        true,
        policies.isEmpty()
            ? "maxFailoverTime " + DurationText.format(max) + "; no policy runs under the rider yet"
            : "every policy's RTO is within maxFailoverTime " + DurationText.format(max));
  }

  static PlanCheck backupService(Plan plan) {
    if (!plan.backupProvided()) {
      return new PlanCheck(
          BACKUP_SERVICE,
          false,
          "backupService.provided is false: the provider keeps no backups, so data lost with a"
              + " failed data center cannot be restored after a failover");
    }
    return new PlanCheck(
        BACKUP_SERVICE,
        true,
        plan.backupInterval()
            .map(i -> "the provider backs up the data every " + DurationText.format(i))
            .orElse("the provider backs up the data"));
  }

  static PlanCheck sla(Plan plan, List<PlanPolicy> policies) {
    if (plan.sla().isEmpty()) {
      List<String> promising =
          policies.stream().filter(p -> p.slaPercent().isPresent()).map(PlanPolicy::name).toList();
      return promising.isEmpty()
          ? new PlanCheck(SLA, true, "the plan states no SLA, and no policy promises one")
          : new PlanCheck(
              SLA,
              false,
              "the plan states no SLA, yet policies promise customers one"
                  + " (spec.objectives.slaPercent): "
                  + String.join(", ", promising)
                  + "; no credit tier covers a breach");
    }
    Sla sla = plan.sla().get();
    List<String> problems = new ArrayList<>(tierProblems(sla));
    List<String> above =
        policies.stream()
            .filter(
                p ->
                    p.slaPercent()
                        .filter(percent -> percent > sla.availabilityPercent())
                        .isPresent())
            .map(p -> p.name() + " (" + percent(p.slaPercent().get()) + ")")
            .toList();
    if (!above.isEmpty()) {
      problems.add(
          "policies promise customers more than the provider's "
              + percent(sla.availabilityPercent())
              + " (spec.objectives.slaPercent): "
              + String.join(", ", above));
    }
    if (!problems.isEmpty()) {
      return new PlanCheck(SLA, false, String.join("; ", problems));
    }
    return new PlanCheck(
        SLA,
        true,
        "availability "
            + percent(sla.availabilityPercent())
            + " covers every policy's slaPercent, with "
            + sla.creditTiers().size()
            + " consistent credit tier(s)");
  }

  /** The credit schedule's consistency; the CRD refuses most of it, the core never assumes so. */
  static List<String> tierProblems(Sla sla) {
    List<String> problems = new ArrayList<>();
    if (sla.creditTiers().isEmpty()) {
      problems.add("sla.creditTiers is empty: a breach of the SLA earns the customer nothing");
      return problems;
    }
    List<CreditTier> tiers =
        sla.creditTiers().stream()
            .sorted(Comparator.comparingDouble(CreditTier::belowAvailabilityPercent).reversed())
            .toList();
    for (int i = 0; i < tiers.size(); i++) {
      CreditTier tier = tiers.get(i);
      if (tier.belowAvailabilityPercent() > sla.availabilityPercent()) {
        problems.add(
            "the tier below "
                + percent(tier.belowAvailabilityPercent())
                + " starts above the SLA's "
                + percent(sla.availabilityPercent()));
      }
      if (tier.creditPercent() == 0 && !"CancellationRight".equals(tier.remedy())) {
        problems.add(
            "the tier below "
                + percent(tier.belowAvailabilityPercent())
                + " gives a "
                + tier.remedy()
                + " of 0%");
      }
      if (i > 0) {
        CreditTier higher = tiers.get(i - 1);
        if (higher.belowAvailabilityPercent() == tier.belowAvailabilityPercent()) {
          problems.add("two tiers start below " + percent(tier.belowAvailabilityPercent()));
        } else if (tier.creditPercent() < higher.creditPercent()) {
          problems.add(
              "the tier below "
                  + percent(tier.belowAvailabilityPercent())
                  + " credits less ("
                  + percent(tier.creditPercent())
                  + ") than the tier below "
                  + percent(higher.belowAvailabilityPercent())
                  + " ("
                  + percent(higher.creditPercent())
                  + ")");
        }
      }
    }
    return problems;
  }

  static PlanCheck privacyCompliance(
      Plan plan, List<PlanPolicy> policies, Map<String, Set<String>> dataCenterLaws) {
    if (plan.privacyLaws().isEmpty()) {
      return new PlanCheck(PRIVACY_COMPLIANCE, true, "the plan names no privacy law");
    }
    Set<String> laws = new TreeSet<>(plan.privacyLaws());
    Set<String> dataCenters =
        policies.stream()
            .flatMap(p -> p.dataCenters().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> falling = new ArrayList<>();
    for (String dataCenter : dataCenters) {
      Set<String> declared = dataCenterLaws.get(dataCenter);
      if (declared == null) {
        falling.add(dataCenter + " (no DataCenter of that name)");
        continue;
      }
      Set<String> missing = new TreeSet<>(laws);
      missing.removeAll(declared);
      if (!missing.isEmpty()) {
        falling.add(dataCenter + " (does not declare " + String.join(", ", missing) + ")");
      }
    }
    if (!falling.isEmpty()) {
      return new PlanCheck(
          PRIVACY_COMPLIANCE,
          false,
          "the plan promises "
              + String.join(", ", laws)
              + ", but policies of the rider may run in data centers whose spec.privacyCompliance"
              + " does not list them: "
              + String.join("; ", falling));
    }
    return new PlanCheck(
        PRIVACY_COMPLIANCE,
        true,
        dataCenters.isEmpty()
            ? "the plan promises " + String.join(", ", laws) + "; no policy runs under it yet"
            : "every data center the policies may run in declares "
                + String.join(", ", laws)
                + ": "
                + String.join(", ", dataCenters));
  }

  static PlanCheck failoverApplication(Plan plan, List<PlanPolicy> policies) {
    if (!plan.ownFailoverApplication()) {
      return new PlanCheck(
          FAILOVER_APPLICATION, true, "Provider: this operator fails the applications over");
    }
    if (policies.isEmpty()) {
      return new PlanCheck(
          FAILOVER_APPLICATION,
          true,
          "Own: the developer's failover application moves the applications; no policy of this"
              + " operator runs under the rider");
    }
    return new PlanCheck(
        FAILOVER_APPLICATION,
        false,
        "Own: the developer's failover application moves the applications, yet this operator"
            + " fails over (and switches the traffic of) "
            + policies.stream().map(PlanPolicy::name).collect(Collectors.joining(", "))
            + " by itself too, and the two would fight: delete those policies, or set"
            + " failoverApplication: Provider");
  }

  static PlanCheck thirdPartyTools(Plan plan, List<PlanPolicy> policies) {
    if (plan.thirdPartyTools().isEmpty()) {
      return new PlanCheck(THIRD_PARTY_TOOLS, true, "no third-party tool is listed");
    }
    String tools = String.join(", ", plan.thirdPartyTools());
    if (policies.isEmpty() || plan.ownFailoverApplication()) {
      return new PlanCheck(THIRD_PARTY_TOOLS, true, "third-party tools in use: " + tools);
    }
    // Shown, not failed: a load balancer in front of the policy's DNS name is fine; one that
    // keeps its own list of data centers sends traffic where the operator no longer serves.
    return new PlanCheck(
        THIRD_PARTY_TOOLS,
        true,
        "third-party tools in use: "
            + tools
            + "; this operator switches the traffic of "
            + policies.stream().map(PlanPolicy::name).collect(Collectors.joining(", "))
            + " through each one's DNS name: point the tools at that name, not at a data"
            + " center");
  }

  private static String percent(double value) {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
  }
}
