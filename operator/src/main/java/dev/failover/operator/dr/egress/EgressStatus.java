package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import dev.failover.core.dr.egress.HostnameResolution;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one enter, refresh or leave did in one data center, for the policy's status. Holds no
 * credential: a URL source shows only scheme, host and port.
 *
 * @param posture the posture in force; empty after leaving
 * @param renderedAs {@code NetworkPolicy}, {@code CiliumNetworkPolicy}, or {@code nothing}
 *     (FailOpen, or after leaving)
 * @param objects the names of the objects applied, in the policy's namespace
 * @param removed the names of the objects of an earlier posture (or kind) deleted
 * @param hostnames each resolved hostname's addresses, when they are asked again and the last error
 * @param problems what allows less than the spec asks, each in a sentence: an unresolved hostname,
 *     a wildcard without Cilium, a failed managed-list refresh, unreadable API server addresses
 * @param nextRefresh when {@link EgressPostures#refresh} has work to do: the first hostname due, or
 *     the managed list's next read; empty when nothing is due
 */
public record EgressStatus(
    String dataCenter,
    Optional<EgressMode> posture,
    String renderedAs,
    List<String> objects,
    List<String> removed,
    List<HostnameResolution> hostnames,
    ManagedListState managedList,
    List<String> problems,
    Optional<Instant> nextRefresh,
    Instant at) {
  public static final String NOTHING = "nothing";

  public EgressStatus {
    objects = List.copyOf(objects);
    removed = List.copyOf(removed);
    hostnames = List.copyOf(hostnames);
    problems = List.copyOf(problems);
  }

  /** True when everything the spec asks for is allowed, and the last refreshes worked. */
  public boolean complete() {
    return problems.isEmpty();
  }
}
