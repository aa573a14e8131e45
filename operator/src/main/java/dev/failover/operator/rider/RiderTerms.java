package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.SubjectRef;
import dev.failover.api.v1alpha1.common.TaskGrant;
import dev.failover.api.v1alpha1.common.UserControl;
import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import dev.failover.core.DurationText;
import dev.failover.core.rider.ApplicationLicense;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.core.rider.GrantPlan;
import dev.failover.core.rider.RiderGrant;
import dev.failover.core.rider.Subject;
import dev.failover.core.rider.TaskRole;
import dev.failover.core.rider.TaskRoles;
import dev.failover.core.rider.UserLimits;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What the RBAC of a rider depends on, read alike from the three kinds: the rider, where it grants,
 * its grants as task roles, the license's limit on people if it has one, and its failover plan.
 *
 * @param subjectLimitField the license field that limits the subjects bound, when there is one
 */
public record RiderTerms(
    RiderKind kind,
    String namespace,
    String name,
    List<String> declaredNamespaces,
    List<RiderGrant> grants,
    OptionalInt subjectLimit,
    String subjectLimitField,
    ApplicationLicense applications,
    UserLimits userLimits,
    FailoverPlanChecks.Plan failoverPlan) {

  public static RiderTerms of(SaasRider rider) {
    var spec = rider.getSpec();
    // A SaaS license limits users per application, not the subjects granted.
    return terms(
        RiderKind.SaasRider,
        rider,
        spec.getUserControl(),
        spec.getGrants(),
        TaskRoles::of,
        OptionalInt.empty(),
        null,
        new ApplicationLicense(
            limit(spec.getLicense() == null ? null : spec.getLicense().getMaxApplications()),
            "license.maxApplications",
            names(
                spec.getLicense() == null ? null : spec.getLicense().getAllowedApplicationTypes()),
            "license.allowedApplicationTypes"),
        spec.getLicense() == null
            ? UserLimits.NONE
            : new UserLimits(
                limit(spec.getLicense().getMaxConcurrentUsersPerApplication()),
                limit(spec.getLicense().getMaxRequestsPerUser()),
                spec.getLicense().getRequestWindow() == null
                    ? null
                    : DurationText.parse(spec.getLicense().getRequestWindow())),
        RiderPlanReader.plan(spec.getFailoverPlan()));
  }

  public static RiderTerms of(PaasRider rider) {
    var spec = rider.getSpec();
    return terms(
        RiderKind.PaasRider,
        rider,
        spec.getUserControl(),
        spec.getGrants(),
        TaskRoles::of,
        limit(spec.getLicense() == null ? null : spec.getLicense().getMaxConcurrentDevelopers()),
        "license.maxConcurrentDevelopers",
        new ApplicationLicense(
            limit(
                spec.getLicense() == null ? null : spec.getLicense().getMaxApplicationsDeveloped()),
            "license.maxApplicationsDeveloped",
            names(
                spec.getApplicationDevelopment() == null
                    ? null
                    : spec.getApplicationDevelopment().getApplicationTypes()),
            "applicationDevelopment.applicationTypes"),
        new UserLimits(
            limit(spec.getLicense() == null ? null : spec.getLicense().getMaxConcurrentSaasUsers()),
            java.util.OptionalInt.empty(),
            null),
        RiderPlanReader.plan(spec.getFailoverPlan()));
  }

  public static RiderTerms of(IaasRider rider) {
    var spec = rider.getSpec();
    return terms(
        RiderKind.IaasRider,
        rider,
        spec.getUserControl(),
        spec.getGrants(),
        TaskRoles::of,
        limit(spec.getLicense() == null ? null : spec.getLicense().getMaxConcurrentSpecialists()),
        "license.maxConcurrentSpecialists",
        // An IaaS license limits machines and people, not the applications on the machines.
        ApplicationLicense.UNLIMITED,
        UserLimits.NONE,
        RiderPlanReader.plan(spec.getFailoverPlan()));
  }

  /** The RoleBindings the grants become in these namespaces, within the people limit. */
  public GrantPlan plan(List<String> namespaces) {
    return GrantPlan.of(riderLabel(), name, namespaces, grants, subjectLimit);
  }

  /** {@code saas}, {@code paas} or {@code iaas}: how names and labels spell the kind. */
  public String riderLabel() {
    return kind.name().substring(0, 4).toLowerCase(java.util.Locale.ROOT);
  }

  private static <T extends Enum<T>> RiderTerms terms(
      RiderKind kind,
      HasMetadata rider,
      UserControl userControl,
      List<? extends TaskGrant<T>> grants,
      Function<T, Optional<TaskRole>> roles,
      OptionalInt subjectLimit,
      String subjectLimitField,
      ApplicationLicense applications,
      UserLimits userLimits,
      FailoverPlanChecks.Plan failoverPlan) {
    String namespace = rider.getMetadata().getNamespace();
    List<RiderGrant> read =
        grants == null
            ? List.of()
            : grants.stream()
                .map(
                    grant ->
                        new RiderGrant(
                            subjects(grant.getSubjects(), namespace),
                            // A provider-only task has no role; the schema refuses it anyway.
                            grant.getTasks() == null
                                ? List.of()
                                : grant.getTasks().stream()
                                    .map(roles)
                                    .flatMap(Optional::stream)
                                    .distinct()
                                    .toList()))
                .toList();
    return new RiderTerms(
        kind,
        namespace,
        rider.getMetadata().getName(),
        userControl == null || userControl.getNamespaces() == null
            ? List.of()
            : List.copyOf(userControl.getNamespaces()),
        read,
        subjectLimit,
        subjectLimitField,
        applications,
        userLimits,
        failoverPlan);
  }

  /** How status and messages name the rider: {@code PaasRider billing}. */
  public String describe() {
    return kind.name() + " " + name;
  }

  private static java.util.Set<String> names(List<? extends Enum<?>> values) {
    return values == null
        ? java.util.Set.of()
        : values.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
  }

  private static List<Subject> subjects(List<SubjectRef> refs, String riderNamespace) {
    if (refs == null) {
      return List.of();
    }
    return refs.stream()
        .map(
            ref -> {
              String kind = ref.getKind().name();
              String namespace =
                  "ServiceAccount".equals(kind)
                      ? Optional.ofNullable(ref.getNamespace()).orElse(riderNamespace)
                      : null;
              return new Subject(kind, ref.getName(), namespace);
            })
        .toList();
  }

  private static OptionalInt limit(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
