package dev.failover.operator.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Disaster-recovery egress settings, read once at start:
 *
 * <ul>
 *   <li>{@code FAILOVER_DR_ALLOWLIST_CONFIGMAP}: the name of a ConfigMap in the operator's
 *       namespace whose key {@value #CONFIGMAP_KEY} holds the managed allowlist, one entry per
 *       line;
 *   <li>{@code FAILOVER_DR_ALLOWLIST_URL}: or an https URL serving the same text (not both);
 *   <li>{@code FAILOVER_DR_ALLOWLIST_REFRESH}: how often the managed list is read again (default
 *       15m);
 *   <li>{@code FAILOVER_DR_EGRESS_RESOLVER}: the resolver ({@code host} or {@code host:port}) the
 *       allowlist's hostnames are resolved through (default: the system's first nameserver);
 *   <li>{@code FAILOVER_DR_EGRESS_DNS_TIMEOUT}: the timeout of each DNS question (default 2s).
 * </ul>
 */
public record EgressConfig(
    Optional<String> configMap,
    Optional<URI> url,
    Duration refresh,
    Optional<String> resolver,
    Duration dnsTimeout) {
  public static final String CONFIGMAP_KEY = "allowlist";

  public static EgressConfig fromEnvironment(Map<String, String> env) {
    Optional<String> configMap = value(env, "FAILOVER_DR_ALLOWLIST_CONFIGMAP");
    Optional<URI> url = value(env, "FAILOVER_DR_ALLOWLIST_URL").map(EgressConfig::https);
    if (configMap.isPresent() && url.isPresent()) {
      throw new IllegalArgumentException(
          "set FAILOVER_DR_ALLOWLIST_CONFIGMAP or FAILOVER_DR_ALLOWLIST_URL, not both");
    }
    return new EgressConfig(
        configMap,
        url,
        PositiveDurationSetting.read(env, "FAILOVER_DR_ALLOWLIST_REFRESH", "15m"),
        value(env, "FAILOVER_DR_EGRESS_RESOLVER"),
        PositiveDurationSetting.read(env, "FAILOVER_DR_EGRESS_DNS_TIMEOUT", "2s"));
  }

  private static URI https(String value) {
    try {
      URI uri = new URI(value);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below, without echoing a value that may hold a credential
    }
    throw new IllegalArgumentException("FAILOVER_DR_ALLOWLIST_URL must be an absolute https URL");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
