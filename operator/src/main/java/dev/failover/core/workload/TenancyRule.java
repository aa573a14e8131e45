package dev.failover.core.workload;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a policy's objects may go: namespaced ones only into the policy's namespace, cluster-scoped
 * ones only when their kind is allowed (see the package documentation).
 */
public final class TenancyRule {
  private final Set<GroupKind> allowedClusterScoped;

  public TenancyRule(Set<GroupKind> allowedClusterScoped) {
    this.allowedClusterScoped = Set.copyOf(allowedClusterScoped);
  }

  /** No cluster-scoped kind allowed: the default. */
  public static TenancyRule namespaceOnly() {
    return new TenancyRule(Set.of());
  }

  public boolean allowsClusterScoped(GroupKind kind) {
    return allowedClusterScoped.contains(kind);
  }

  /**
   * The first object the policy may not place, and why; empty when it may place them all.
   *
   * @param clusterScoped whether a kind is cluster-scoped, as far as is known
   */
  public Optional<String> violation(
      String policyNamespace, List<DeclaredObject> objects, Predicate<GroupKind> clusterScoped) {
    for (DeclaredObject object : objects) {
      Optional<String> violation = violation(policyNamespace, object, clusterScoped);
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  public Optional<String> violation(
      String policyNamespace, DeclaredObject object, Predicate<GroupKind> clusterScoped) {
    GroupKind kind = object.groupKind();
    if (clusterScoped.test(kind)) {
      if (allowsClusterScoped(kind)) {
        return Optional.empty();
      }
      return Optional.of(
          object.shown()
              + " is a cluster-scoped "
              + kind
              + ", which reaches beyond the policy's namespace; the platform team has not"
              + " allowed this kind (operator setting FAILOVER_ALLOWED_CLUSTER_SCOPED_KINDS)");
    }
    if (object.namespace() != null
        && !object.namespace().isBlank()
        && !object.namespace().equals(policyNamespace)) {
      return Optional.of(
          object.shown()
              + " names namespace '"
              + object.namespace()
              + "'; a policy places objects only in its own namespace '"
              + policyNamespace
              + "': remove metadata.namespace");
    }
    return Optional.empty();
  }
}
