package dev.failover.core.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a policy's pods may reach in disaster-recovery mode, in one data center: the decision the
 * rendered NetworkPolicy or CiliumNetworkPolicy spells out.
 *
 * @param restricts false for FailOpen: disaster-recovery mode adds no policy at all
 * @param blocks CIDR blocks to allow (the allowlist's addresses; with NetworkPolicy, also its
 *     hostnames' resolved addresses)
 * @param names hostnames to allow by name (Cilium's toFQDNs matchName only)
 * @param patterns wildcards to allow by name (Cilium's toFQDNs matchPattern only)
 * @param unmatched allowlist entries that allow nothing here, each with the reason
 */
public record EgressRules(
    EgressMode mode,
    boolean restricts,
    SortedSet<String> blocks,
    SortedSet<String> names,
    SortedSet<String> patterns,
    List<String> unmatched) {
  public EgressRules {
    blocks = new TreeSet<>(blocks);
    names = new TreeSet<>(names);
    patterns = new TreeSet<>(patterns);
    unmatched = List.copyOf(unmatched);
  }

  /**
   * Every restricting posture also allows DNS to the cluster's resolver and traffic to pods in the
   * policy's own namespace: see the package documentation for why.
   */
  public boolean allowsClusterDnsAndOwnNamespace() {
    return restricts;
  }

  /**
   * @param allowlist the customer's entries, then the managed ones (managed list and API servers)
   * @param byName whether the data center matches hostnames itself (Cilium's toFQDNs)
   */
  public static EgressRules of(
      EgressMode mode,
      List<EgressDestination> allowlist,
      ResolvedHostnames resolved,
      boolean byName) {
    if (mode == EgressMode.FailOpen) {
      return new EgressRules(
          mode, false, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), List.of());
    }
    SortedSet<String> blocks = new TreeSet<>();
    SortedSet<String> names = new TreeSet<>();
    SortedSet<String> patterns = new TreeSet<>();
    List<String> unmatched = new java.util.ArrayList<>();
    if (mode == EgressMode.ControlledFailOpen) {
      for (EgressDestination entry : allowlist) {
        if (entry instanceof EgressDestination.Block block) {
          blocks.add(block.cidr());
        } else if (entry instanceof EgressDestination.Hostname hostname) {
          if (byName) {
            names.add(hostname.name());
          } else {
            List<String> addresses =
                resolved.of(hostname.name()).map(HostnameResolution::blocks).orElse(List.of());
            if (addresses.isEmpty()) {
              unmatched.add(hostname.name() + ": not resolved to an address yet");
            }
            blocks.addAll(addresses);
          }
        } else if (entry instanceof EgressDestination.Wildcard wildcard) {
          if (byName) {
            patterns.add(wildcard.pattern());
          } else {
            unmatched.add(
                wildcard.pattern()
                    + ": a wildcard has no addresses; only a data center serving"
                    + " CiliumNetworkPolicy (toFQDNs) can allow it");
          }
        }
      }
    }
    return new EgressRules(
        mode, true, blocks, names, patterns, unmatched.stream().distinct().toList());
  }
}
