package dev.failover.operator.rider;

import static dev.failover.api.v1alpha1.common.ConditionTypes.LICENSE_COMPLIANT;
import static dev.failover.api.v1alpha1.common.ConditionTypes.PERMISSIONS_APPLIED;
import static dev.failover.api.v1alpha1.common.ConditionTypes.READY;

import dev.failover.api.v1alpha1.common.AppliedPermissions;
import dev.failover.api.v1alpha1.common.LicenseUsage;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.core.rider.GrantPlan;
import dev.failover.core.rider.Subject;
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
      List<AppliedPermissions> entries,
      List<String> missingDataCenters) {
    Instant now = clock.instant();
    StatusConditions.observed(status, rider.getMetadata().getGeneration());
    status.setPermissions(entries);
    status.setUnboundSubjects(plan.unbound().stream().map(Subject::toString).toList());
    status.setLicenseUsage(usage(terms, plan));

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

    boolean compliant = plan.unbound().isEmpty();
    StatusConditions.set(
        status,
        stored,
        LICENSE_COMPLIANT,
        compliant,
        compliant ? "WithinLicense" : "SubjectLimitReached",
        compliant
            ? "every limit of the license is kept"
            : plan.bound().size()
                + plus(plan.unbound().size())
                + " subjects are granted but "
                + terms.subjectLimitField()
                + " allows "
                + terms.subjectLimit().orElse(0)
                + ": not bound: "
                + plan.unbound().stream().map(Subject::toString).collect(Collectors.joining(", ")),
        now);
    ready(status, stored, applied && compliant, now);
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

  private static List<LicenseUsage> usage(RiderTerms terms, GrantPlan plan) {
    if (terms.subjectLimit().isEmpty()) {
      return List.of();
    }
    LicenseUsage subjects = new LicenseUsage();
    subjects.setLimit(terms.subjectLimitField().substring("license.".length()));
    subjects.setUsed((long) (plan.bound().size() + plan.unbound().size()));
    subjects.setAllowed((long) terms.subjectLimit().getAsInt());
    return List.of(subjects);
  }

  private static String plus(int extra) {
    return extra == 0 ? "" : " + " + extra;
  }
}
