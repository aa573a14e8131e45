package dev.failover.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

  /** The chart's default backup store, which {@link HubIdentity} creates with its Role. */
  public static final String BACKUP_NAMESPACE = "failover-backups";

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
            "FAILOVER_BACKUP_NAMESPACE", BACKUP_NAMESPACE,
            "FAILOVER_LEADER_ELECTION", "false"),
        List.of("-XX:+ExitOnOutOfMemoryError"),
        DEFAULT_READY_TIMEOUT);
  }

  /** {@code java [options] -jar <jar>}, with the java that runs this JVM. */
  List<String> command() {
    return command(List.of());
  }

  /** The same, with {@code moreOptions} after this launch's own. */
  List<String> command(List<String> moreOptions) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(moreOptions);
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /**
   * Puts this launch's settings and the ports into a process environment. Inherited {@code
   * KUBECONFIG}, {@code KUBERNETES_*} or {@code FAILOVER_*} variables are removed first: they would
   * point the operator somewhere else.
   */
  void configure(Map<String, String> processEnvironment, int metricsPort, int healthPort) {
    processEnvironment
        .keySet()
        .removeIf(
            key ->
                key.equals("KUBECONFIG")
                    || key.startsWith("KUBERNETES_")
                    || key.startsWith("FAILOVER_"));
    processEnvironment.putAll(environment);
    processEnvironment.put("KUBECONFIG", hubKubeconfig.toString());
    processEnvironment.put("FAILOVER_METRICS_PORT", Integer.toString(metricsPort));
    processEnvironment.put("FAILOVER_HEALTH_PORT", Integer.toString(healthPort));
  }

  /** The same launch with one more (or a changed) environment variable. */
  public OperatorLaunch withEnvironment(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(environment);
    changed.put(name, value);
    return new OperatorLaunch(jar, hubKubeconfig, changed, jvmOptions, readyTimeout);
  }

  public OperatorLaunch withHubKubeconfig(Path kubeconfig) {
    return new OperatorLaunch(jar, kubeconfig, environment, jvmOptions, readyTimeout);
  }

  public OperatorLaunch withJvmOptions(List<String> options) {
    return new OperatorLaunch(jar, hubKubeconfig, environment, options, readyTimeout);
  }

  public OperatorLaunch withReadyTimeout(Duration timeout) {
    return new OperatorLaunch(jar, hubKubeconfig, environment, jvmOptions, timeout);
  }
}
