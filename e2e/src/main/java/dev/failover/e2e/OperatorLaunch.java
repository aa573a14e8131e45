package dev.failover.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run as the operator process: the jar, the hub it talks to, its {@code FAILOVER_*}
 * settings and JVM options. The ports are not here: {@link OperatorProcess} picks free ones.
 */
public record OperatorLaunch(
    Path jar,
    Path hubKubeconfig,
    Map<String, String> environment,
    List<String> jvmOptions,
    Duration readyTimeout) {

  /** JVM start, JOSDK start and the first sync on a busy 2-core machine fit well inside this. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);

  public static final String SECRETS_NAMESPACE = "failover-system";

  public OperatorLaunch {
    environment = Map.copyOf(environment);
    jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * The built jar against this hub, without leader election, reading Secrets in failover-system.
   */
  public static OperatorLaunch against(Path hubKubeconfig) {
    return new OperatorLaunch(
        OperatorJar.locate(),
        hubKubeconfig,
        Map.of(
            "FAILOVER_NAMESPACE", SECRETS_NAMESPACE,
            "FAILOVER_SECRETS_NAMESPACE", SECRETS_NAMESPACE,
            "FAILOVER_LEADER_ELECTION", "false"),
        List.of("-XX:+ExitOnOutOfMemoryError"),
        DEFAULT_READY_TIMEOUT);
  }

  /** The same launch with one more (or a changed) environment variable. */
  public OperatorLaunch withEnvironment(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(environment);
    changed.put(name, value);
    return new OperatorLaunch(jar, hubKubeconfig, changed, jvmOptions, readyTimeout);
  }

  public OperatorLaunch withJvmOptions(List<String> options) {
    return new OperatorLaunch(jar, hubKubeconfig, environment, options, readyTimeout);
  }

  public OperatorLaunch withReadyTimeout(Duration timeout) {
    return new OperatorLaunch(jar, hubKubeconfig, environment, jvmOptions, timeout);
  }
}
