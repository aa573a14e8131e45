package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.AppliedPermissions;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.rider.GrantPlan;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.failoverpolicy.BoundedCalls;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a rider's grants in place in one data center, or takes them away, and says what it did as a
 * status entry. A data center that cannot be reached keeps what it was last told, marked not
 * applied, and is tried again: the reconciler runs once more when it returns.
 */
public final class RiderGrants {
  private static final Logger log = LoggerFactory.getLogger(RiderGrants.class);

  private final DataCenterConnections connections;
  private final Clock clock;

  public RiderGrants(DataCenterConnections connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  /** Applies the plan in the data center; the previous entry gives the namespaces to prune. */
  AppliedPermissions apply(
      DataCenter dataCenter,
      RiderTerms rider,
      GrantPlan plan,
      List<String> namespaces,
      AppliedPermissions previous) {
    String name = dataCenter.getMetadata().getName();
    Optional<KubernetesClient> client = reachable(dataCenter);
    if (client.isEmpty()) {
      return pending(name, previous, namespaces, unreachable(name));
    }
    try {
      RiderBindings.Outcome outcome =
          RiderBindings.sync(
              client.get(),
              rider,
              plan,
              namespaces,
              previous == null || previous.getNamespaces() == null
                  ? List.of()
                  : previous.getNamespaces());
      AppliedPermissions entry = new AppliedPermissions();
      entry.setDataCenter(name);
      entry.setApplied(outcome.applied());
      entry.setNamespaces(outcome.namespaces());
      entry.setRoles(outcome.roles());
      entry.setBindings(outcome.bindings());
      entry.setMessage(outcome.message());
      entry.setLastAppliedTime(now(previous, outcome));
      return entry;
    } catch (KubernetesClientException e) {
      log.warn(
          "rider {}/{}: cannot apply its RBAC in {}: {}",
          rider.namespace(),
          rider.name(),
          name,
          describe(e));
      return pending(name, previous, namespaces, "cannot apply the RBAC here: " + describe(e));
    }
  }

  /**
   * Deletes the rider's bindings in the data center, in the namespaces the entry names.
   *
   * @return whether they are gone (false: not reachable now)
   */
  boolean remove(DataCenter dataCenter, RiderTerms rider, AppliedPermissions entry) {
    Optional<KubernetesClient> client = reachable(dataCenter);
    if (client.isEmpty()) {
      return false;
    }
    try {
      RiderBindings.removeAll(
          client.get(), rider, entry.getNamespaces() == null ? List.of() : entry.getNamespaces());
      return true;
    } catch (KubernetesClientException e) {
      log.warn(
          "rider {}/{}: cannot remove its RBAC from {}: {}",
          rider.namespace(),
          rider.name(),
          dataCenter.getMetadata().getName(),
          describe(e));
      return false;
    }
  }

  private Optional<KubernetesClient> reachable(DataCenter dataCenter) {
    DataCenterPhase phase =
        dataCenter.getStatus() == null ? null : dataCenter.getStatus().getPhase();
    if (phase == DataCenterPhase.Unreachable) {
      return Optional.empty();
    }
    return connections
        .client(dataCenter.getMetadata().getName())
        .map(client -> BoundedCalls.to(client, dataCenter));
  }

  static String unreachable(String dataCenter) {
    return dataCenter
        + " cannot be reached: its grants are applied, and revoked ones removed, when it returns";
  }

  private static AppliedPermissions pending(
      String dataCenter, AppliedPermissions previous, List<String> namespaces, String message) {
    AppliedPermissions entry = new AppliedPermissions();
    entry.setDataCenter(dataCenter);
    entry.setApplied(false);
    // The namespaces it may still hold bindings in: the old ones are pruned on its return.
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(namespaces);
    if (previous != null && previous.getNamespaces() != null) {
      all.addAll(previous.getNamespaces());
    }
    entry.setNamespaces(List.copyOf(all));
    entry.setRoles(previous == null ? List.of() : previous.getRoles());
    entry.setBindings(previous == null ? List.of() : previous.getBindings());
    entry.setMessage(message);
    entry.setLastAppliedTime(previous == null ? null : previous.getLastAppliedTime());
    return entry;
  }

  /** The time only moves when something changed, so an idle reconcile writes no status. */
  private String now(AppliedPermissions previous, RiderBindings.Outcome outcome) {
    if (previous != null
        && Boolean.valueOf(outcome.applied()).equals(previous.getApplied())
        && outcome.bindings().equals(previous.getBindings())
        && outcome.namespaces().equals(previous.getNamespaces())
        && previous.getLastAppliedTime() != null) {
      return previous.getLastAppliedTime();
    }
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** The status code and the API server's reason, never the request: it may hold names only. */
  static String describe(KubernetesClientException e) {
    return e.getCode() > 0
        ? "HTTP " + e.getCode() + (e.getStatus() == null ? "" : " " + e.getStatus().getReason())
        : e.getClass().getSimpleName()
            + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
  }
}
