package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.workload.ClusterScopedKinds;
import dev.failover.core.workload.DeclaredObject;
import dev.failover.core.workload.TenancyRule;
import dev.failover.core.workload.WorkloadRules;
import dev.failover.operator.config.TenancyConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a policy may act at all, judged on its spec alone before anything is applied: a workload
 * that can be failed over (the core's {@link WorkloadRules}), objects only where the tenancy rule
 * lets them go (cluster-scoped kinds known from the built-in list; the data center's discovery
 * judges the rest at apply time), and a DNS name it may have. A policy that fails applies nothing.
 */
final class WorkloadGate {
  /** Why a policy may not act: the Ready condition's reason and message. */
  record Blocked(String reason, String message) {}

  private final TenancyRule tenancy;
  private final List<String> allowedDnsDomains;

  WorkloadGate(TenancyConfig config) {
    this.tenancy = config.tenancyRule();
    this.allowedDnsDomains = config.allowedDnsDomains();
  }

  Optional<Blocked> check(FailoverPolicy policy) {
    List<DeclaredObject> objects = WorkloadDeclarations.of(policy);
    List<String> critical =
        policy.getSpec().getWorkload() == null
            ? null
            : policy.getSpec().getWorkload().getCriticalApplications();
    Optional<Blocked> invalid =
        WorkloadRules.problem(objects, critical).map(m -> new Blocked("InvalidWorkload", m));
    if (invalid.isPresent()) {
      return invalid;
    }
    Optional<Blocked> outside =
        tenancy
            .violation(policy.getMetadata().getNamespace(), objects, ClusterScopedKinds::isBuiltIn)
            .map(m -> new Blocked("TenancyViolation", m));
    if (outside.isPresent()) {
      return outside;
    }
    return dnsNameProblem(policy).map(m -> new Blocked("DnsNameNotAllowed", m));
  }

  private Optional<String> dnsNameProblem(FailoverPolicy policy) {
    var traffic = policy.getSpec().getTraffic();
    String explicit = traffic == null ? null : traffic.getDnsName();
    if (explicit == null) {
      try {
        DnsEndpointRecord.dnsName(policy);
        return Optional.empty();
      } catch (IllegalArgumentException tooLong) {
        return Optional.of(tooLong.getMessage());
      }
    }
    if (allowedDnsDomains.isEmpty() || inAllowedDomain(explicit.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(
        "spec.traffic.dnsName "
            + explicit
            + " is outside the domains the platform team allows: "
            + String.join(", ", allowedDnsDomains));
  }

  private boolean inAllowedDomain(String name) {
    String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return allowedDnsDomains.stream()
        .anyMatch(domain -> bare.equals(domain) || bare.endsWith("." + domain));
  }
}
