package dev.failover.operator.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The operator's settings, read once at start from {@code FAILOVER_*} environment variables and
 * passed through constructors; nothing looks settings up statically. A setting that cannot be right
 * stops the start with a message naming its variable.
 *
 * @param replicas how many replicas of the operator are deployed ({@code FAILOVER_REPLICAS}, which
 *     the Helm chart sets from {@code replicaCount}). A process cannot count its siblings, so it
 *     trusts this number: more than one without leader election would be two operators acting on
 *     every policy at once, and the start is refused.
 * @param leaderIdentity this process's name in the leader Lease ({@code FAILOVER_LEADER_IDENTITY},
 *     the pod name in the chart; else {@code HOSTNAME}; else a random one). Two processes with one
 *     identity would both believe they lead.
 * @param logLevel the root log level, one of {@link #LOG_LEVELS} ({@code FAILOVER_LOG_LEVEL})
 * @param logFormat plain text lines or one JSON object per line ({@code FAILOVER_LOG_FORMAT})
 * @param notifications delivery attempts, backoff and retention ({@link NotificationConfig})
 * @param egress disaster-recovery egress: the managed allowlist's source and refresh, the resolver
 *     for allowlisted hostnames ({@link EgressConfig})
 * @param backups the backup store: its hub namespace and capacity ({@link BackupConfig})
 * @param capacity how often capacity is measured and how soon a capacity threshold may change its
 *     machines again ({@link CapacityConfig})
 * @param restoreTestRunner whether this operator runs ChaosRestoreTests ({@code
 *     FAILOVER_RESTORE_TEST_RUNNER}, default true); false when another tool (Litmus, Krkn...) runs
 *     them and writes their status, which the restore-test gate reads either way
 * @param maxConcurrentFailbacks how many automatic failbacks may be in flight to one data center at
 *     once ({@code FAILOVER_MAX_CONCURRENT_FAILBACKS}, default {@value
 *     #DEFAULT_MAX_CONCURRENT_FAILBACKS}): a data center that returns with hundreds of policies
 *     failed over from it takes them back a few at a time. Failovers and manual failbacks are never
 *     limited
 */
public record OperatorConfig(
    String namespace,
    boolean leaderElection,
    String leaseName,
    String secretsNamespace,
    int metricsPort,
    int healthPort,
    int replicas,
    String leaderIdentity,
    String logLevel,
    LogFormat logFormat,
    TenancyConfig tenancy,
    NotificationConfig notifications,
    EgressConfig egress,
    BackupConfig backups,
    CapacityConfig capacity,
    boolean restoreTestRunner,
    int maxConcurrentFailbacks) {

  /**
   * Ten failbacks to one data center at once: each starts one workload there (applies, pulls, pod
   * starts) and waits for it to be Available, so ten keep a returned data center's API server and
   * nodes well within what they take in a rollout, while a backlog of hundreds drains in minutes.
   * The workloads serve from where they failed over to meanwhile: waiting costs no availability.
   */
  public static final int DEFAULT_MAX_CONCURRENT_FAILBACKS = 10;

  public static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

  /** How log lines are written. */
  public enum LogFormat {
    text,
    json
  }

  public OperatorConfig {
    if (replicas > 1 && !leaderElection) {
      throw new IllegalArgumentException(
          "FAILOVER_REPLICAS is "
              + replicas
              + " but FAILOVER_LEADER_ELECTION is false: every replica would act on every policy"
              + " at once; enable leader election or run one replica");
    }
  }

  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    String namespace = env.getOrDefault("FAILOVER_NAMESPACE", "failover-system");
    return new OperatorConfig(
        namespace,
        bool(env, "FAILOVER_LEADER_ELECTION", false),
        env.getOrDefault("FAILOVER_LEASE_NAME", "failover-operator-leader"),
        env.getOrDefault("FAILOVER_SECRETS_NAMESPACE", "failover-system"),
        port(env, "FAILOVER_METRICS_PORT", 8080),
        port(env, "FAILOVER_HEALTH_PORT", 8081),
        atLeastOne(env, "FAILOVER_REPLICAS", 1),
        leaderIdentity(env),
        logLevel(env),
        logFormat(env),
        TenancyConfig.fromEnvironment(env),
        NotificationConfig.fromEnvironment(env),
        EgressConfig.fromEnvironment(env),
        BackupConfig.fromEnvironment(env, namespace),
        CapacityConfig.fromEnvironment(env),
        bool(env, "FAILOVER_RESTORE_TEST_RUNNER", true),
        atLeastOne(env, "FAILOVER_MAX_CONCURRENT_FAILBACKS", DEFAULT_MAX_CONCURRENT_FAILBACKS));
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Strictly true or false: a typo must not silently turn leader election off. */
  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String value = value(env, name);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
    };
  }

  /** A count that must be a whole number of at least 1: zero would stop what it counts. */
  private static int atLeastOne(Map<String, String> env, String name, int fallback) {
    String value = value(env, name);
    if (value == null) {
      return fallback;
    }
    try {
      int count = Integer.parseInt(value);
      if (count < 1) {
        throw new IllegalArgumentException(name + " must be at least 1: " + value);
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
    }
  }

  private static String leaderIdentity(Map<String, String> env) {
    return Optional.ofNullable(value(env, "FAILOVER_LEADER_IDENTITY"))
        .or(() -> Optional.ofNullable(value(env, "HOSTNAME")))
        .orElseGet(() -> "failover-operator-" + UUID.randomUUID());
  }

  private static String logLevel(Map<String, String> env) {
    String value = value(env, "FAILOVER_LOG_LEVEL");
    if (value == null) {
      return "info";
    }
    String level = value.toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new IllegalArgumentException(
          "FAILOVER_LOG_LEVEL must be one of trace, debug, info, warn, error: " + value);
    }
    return level;
  }

  private static LogFormat logFormat(Map<String, String> env) {
    String value = value(env, "FAILOVER_LOG_FORMAT");
    if (value == null) {
      return LogFormat.text;
    }
    try {
      return LogFormat.valueOf(value.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("FAILOVER_LOG_FORMAT must be text or json: " + value, e);
    }
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = value(env, name);
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be a port between 0 and 65535: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number: " + value, e);
    }
  }
}
