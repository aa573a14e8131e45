package dev.failover.operator.rider;

import static dev.failover.api.v1alpha1.common.ConditionTypes.FAILOVER_PLAN_VALID;
import static dev.failover.api.v1alpha1.common.ConditionTypes.LICENSE_COMPLIANT;
import static dev.failover.api.v1alpha1.common.ConditionTypes.PERMISSIONS_APPLIED;
import static dev.failover.api.v1alpha1.common.ConditionTypes.READY;
import static dev.failover.api.v1alpha1.common.ConditionTypes.VIRTUAL_MACHINES_READY;

import dev.failover.api.v1alpha1.common.AppliedPermissions;
import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.api.v1alpha1.common.CapacityScaling;
import dev.failover.api.v1alpha1.common.FailoverPlanCheck;
import dev.failover.api.v1alpha1.common.LicenseUsage;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.core.rider.ApplicationLicense;
import dev.failover.core.rider.ApplicationLicense.RiderPolicy;
import dev.failover.core.rider.FailoverPlanChecks.PlanCheck;
import dev.failover.core.rider.GrantPlan;
import dev.failover.core.rider.Subject;
import dev.failover.core.vm.MachinePlan;
import dev.failover.operator.failoverpolicy.PolicyCleanup;
import dev.failover.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place a rider's status is written: permissions per data center, usage, conditions. */
public final class RiderStatusMapper {
  private final Clock clock;

  public RiderStatusMapper(Clock clock) {
    this.clock = clock;
  }

  void applied(
      HasMetadata rider,
      RiderStatus status,
      RiderStatus stored,
      RiderTerms terms,
      GrantPlan plan,
      List<RiderPolicy> policies,
      List<AppliedPermissions> entries,
      List<String> missingDataCenters) {
    Instant now = clock.instant();
    StatusConditions.observed(status, rider.getMetadata().getGeneration());
    status.setPermissions(entries);
    status.setUnboundSubjects(plan.unbound().stream().map(Subject::toString).toList());
    status.setLicenseUsage(usage(terms, plan, policies));
    boolean applied = permissions(status, stored, plan, entries, missingDataCenters, now);
    boolean compliant = license(status, stored, terms, plan, policies, now);
    ready(status, stored, applied && compliant, now);
  }

  /** PermissionsApplied: every data center of the rider's policies has every binding. */
  private static boolean permissions(
      RiderStatus status,
      RiderStatus stored,
      GrantPlan plan,
      List<AppliedPermissions> entries,
      List<String> missingDataCenters,
      Instant now) {
    List<String> pending =
        entries.stream()
            .filter(e -> !Boolean.TRUE.equals(e.getApplied()))
            .map(e -> e.getDataCenter() + ": " + e.getMessage())
            .collect(Collectors.toCollection(ArrayList::new));
    missingDataCenters.forEach(
        name -> pending.add(name + ": no DataCenter of that name; its policies name it"));
    boolean applied = pending.isEmpty();
    String reason;
    String message;
    if (!applied) {
      reason = missingDataCenters.isEmpty() ? "Pending" : "DataCenterMissing";
      message = "not yet in every data center: " + String.join("; ", pending);
    } else if (entries.isEmpty()) {
      reason = "NoPolicies";
      message =
          "no policy runs under this rider yet: its grants are bound where one will run, before"
              + " its workload is placed there";
    } else {
      reason = "Applied";
      message =
          plan.bindings().size()
              + " RoleBinding(s) in every data center of the rider's policies: "
              + entries.stream()
                  .map(AppliedPermissions::getDataCenter)
                  .collect(Collectors.joining(", "));
    }
    StatusConditions.set(status, stored, PERMISSIONS_APPLIED, applied, reason, message, now);
    return applied;
  }

  /** LicenseCompliant: no subject over the people limit, no policy the license refuses. */
  private static boolean license(
      RiderStatus status,
      RiderStatus stored,
      RiderTerms terms,
      GrantPlan plan,
      List<RiderPolicy> policies,
      Instant now) {
    List<String> breaches = new ArrayList<>();
    String reason = null;
    if (!plan.unbound().isEmpty()) {
      reason = "SubjectLimitReached";
      breaches.add(
          (plan.bound().size() + plan.unbound().size())
              + " subjects are granted but "
              + terms.subjectLimitField()
              + " allows "
              + terms.subjectLimit().orElse(0)
              + "; not bound: "
              + plan.unbound().stream().map(Subject::toString).collect(Collectors.joining(", ")));
    }
    List<RiderPolicy> refused = terms.applications().refused(policies);
    if (!refused.isEmpty()) {
      reason = reason == null ? "ApplicationLimitReached" : reason;
      breaches.add(
          "policies refused by the license, with no workload: "
              + refused.stream().map(RiderPolicy::name).distinct().collect(Collectors.joining(", "))
              + " (each one's Ready condition says why)");
    }
    boolean compliant = breaches.isEmpty();
    StatusConditions.set(
        status,
        stored,
        LICENSE_COMPLIANT,
        compliant,
        compliant ? "WithinLicense" : reason,
        compliant ? "every enforced limit of the license is kept" : String.join("; ", breaches),
        now);
    return compliant;
  }

  /**
   * The failover plan checked: status.planChecks and FailoverPlanValid. Advisory: Ready leaves it
   * out, since a plan that does not fit its policies blocks neither grants nor workloads. The
   * reason names the first element that failed, so a new kind of misfit is a new Event.
   */
  void planChecked(
      HasMetadata rider, RiderStatus status, RiderStatus stored, List<PlanCheck> checks) {
    status.setPlanChecks(
        checks.stream()
            .map(c -> new FailoverPlanCheck(c.element(), c.passed(), c.message()))
            .toList());
    List<PlanCheck> failed = checks.stream().filter(c -> !c.passed()).toList();
    StatusConditions.set(
        status,
        stored,
        FAILOVER_PLAN_VALID,
        failed.isEmpty(),
        failed.isEmpty() ? "PlanFits" : reasonOf(failed.get(0).element()),
        failed.isEmpty()
            ? "every element of the failover plan fits the policies under the rider and their"
                + " data centers"
            : failed.stream()
                .map(c -> "failoverPlan." + c.element() + ": " + c.message())
                .collect(Collectors.joining("; ")),
        clock.instant());
  }

  /** {@code privacyCompliance} → {@code PrivacyComplianceNotMet}. */
  static String reasonOf(String element) {
    return Character.toUpperCase(element.charAt(0)) + element.substring(1) + "NotMet";
  }

  /** The rider names namespaces it may not grant in: nothing new is bound. */
  void refused(HasMetadata rider, RiderStatus status, RiderStatus stored, String message) {
    Instant now = clock.instant();
    StatusConditions.observed(status, rider.getMetadata().getGeneration());
    StatusConditions.set(
        status, stored, PERMISSIONS_APPLIED, false, "NamespaceNotAllowed", message, now);
    ready(status, stored, false, now);
  }

  static boolean abandoned(HasMetadata rider) {
    Map<String, String> annotations = rider.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PolicyCleanup.ABANDON_ANNOTATION));
  }

  private static void ready(RiderStatus status, RiderStatus stored, boolean ready, Instant now) {
    StatusConditions.set(
        status,
        stored,
        READY,
        ready,
        ready ? "Ready" : "NotReady",
        ready
            ? "the grants are bound in every data center and the license is kept"
            : "see PermissionsApplied and LicenseCompliant",
        now);
  }

  private static List<LicenseUsage> usage(
      RiderTerms terms, GrantPlan plan, List<RiderPolicy> policies) {
    List<LicenseUsage> usage = new ArrayList<>();
    terms
        .subjectLimit()
        .ifPresent(
            max ->
                usage.add(
                    usage(
                        terms.subjectLimitField(),
                        plan.bound().size() + plan.unbound().size(),
                        max)));
    ApplicationLicense applications = terms.applications();
    applications
        .maxApplications()
        .ifPresent(
            max -> usage.add(usage(applications.maxField(), applications.counted(policies), max)));
    return usage;
  }

  private static LicenseUsage usage(String field, long used, long allowed) {
    LicenseUsage entry = new LicenseUsage();
    entry.setLimit(field.substring(field.indexOf('.') + 1));
    entry.setUsed(used);
    entry.setAllowed(allowed);
    return entry;
  }

  /**
   * IaaS riders, after {@link #applied}: the machines per data center, {@code
   * VirtualMachinesReady}, the running machines against {@code license.maxVirtualMachines}, and
   * Ready, which also needs the machines.
   */
  void machines(
      RiderStatus status,
      RiderStatus stored,
      MachinePlan plan,
      List<AppliedVirtualMachine> entries,
      List<String> missingDataCenters,
      CapacityScaling capacity) {
    Instant now = clock.instant();
    status.setVirtualMachines(entries);
    status.setCapacity(capacity);
    List<LicenseUsage> usage = new ArrayList<>(status.getLicenseUsage());
    usage.removeIf(u -> "maxVirtualMachines".equals(u.getLimit()));
    usage.add(new LicenseUsage("maxVirtualMachines", plan.running(), plan.allowed()));
    status.setLicenseUsage(usage);
    MachinesCondition condition = MachinesCondition.of(plan, entries, missingDataCenters);
    StatusConditions.set(
        status,
        stored,
        VIRTUAL_MACHINES_READY,
        condition.ready(),
        condition.reason(),
        condition.message(),
        now);
    if (!condition.ready()) {
      StatusConditions.set(
          status,
          stored,
          READY,
          false,
          "NotReady",
          "see PermissionsApplied, LicenseCompliant and VirtualMachinesReady",
          now);
    }
  }
}
