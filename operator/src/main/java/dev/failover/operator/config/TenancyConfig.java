package dev.failover.operator.config;

import dev.failover.core.workload.GroupKind;
import dev.failover.core.workload.TenancyRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the platform team lets policy authors reach beyond their namespace, read once at start:
 *
 * <ul>
 *   <li>{@code FAILOVER_ALLOWED_CLUSTER_SCOPED_KINDS}: comma-separated {@code Kind} or {@code
 *       group/Kind} that a policy's manifests may declare although cluster-scoped (default: none);
 *   <li>{@code FAILOVER_ALLOWED_DNS_DOMAINS}: comma-separated domains a policy's {@code
 *       traffic.dnsName} must lie in (default: any; set it in a shared hub).
 * </ul>
 */
public record TenancyConfig(
    Set<GroupKind> allowedClusterScopedKinds, List<String> allowedDnsDomains) {
  public TenancyConfig {
    allowedClusterScopedKinds = Set.copyOf(allowedClusterScopedKinds);
    allowedDnsDomains = List.copyOf(allowedDnsDomains);
  }

  public static TenancyConfig fromEnvironment(Map<String, String> env) {
    return new TenancyConfig(
        items(env.get("FAILOVER_ALLOWED_CLUSTER_SCOPED_KINDS")).stream()
            .map(GroupKind::parse)
            .collect(Collectors.toSet()),
        items(env.get("FAILOVER_ALLOWED_DNS_DOMAINS")).stream()
            .map(domain -> stripDots(domain.toLowerCase(Locale.ROOT)))
            .toList());
  }

  public static TenancyConfig defaults() {
    return new TenancyConfig(Set.of(), List.of());
  }

  public TenancyRule tenancyRule() {
    return new TenancyRule(allowedClusterScopedKinds);
  }

  private static List<String> items(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String stripDots(String domain) {
    String stripped = domain;
    while (stripped.startsWith(".")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith(".")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }
}
