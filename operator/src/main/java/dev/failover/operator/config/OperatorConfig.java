package dev.failover.operator.config;

import java.util.Map;

/**
 * The operator's settings, read once at start from {@code FAILOVER_*} environment variables and
 * passed through constructors; nothing looks settings up statically.
 */
public record OperatorConfig(
    String namespace,
    boolean leaderElection,
    String leaseName,
    String secretsNamespace,
    int metricsPort,
    int healthPort,
    TenancyConfig tenancy) {

  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    return new OperatorConfig(
        env.getOrDefault("FAILOVER_NAMESPACE", "failover-system"),
        Boolean.parseBoolean(env.getOrDefault("FAILOVER_LEADER_ELECTION", "false")),
        env.getOrDefault("FAILOVER_LEASE_NAME", "failover-operator-leader"),
        env.getOrDefault("FAILOVER_SECRETS_NAMESPACE", "failover-system"),
        port(env, "FAILOVER_METRICS_PORT", 8080),
        port(env, "FAILOVER_HEALTH_PORT", 8081),
        TenancyConfig.fromEnvironment(env));
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be a port between 0 and 65535: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number: " + value, e);
    }
  }
}
