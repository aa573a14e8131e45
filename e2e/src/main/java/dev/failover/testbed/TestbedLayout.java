package dev.failover.testbed;

import java.nio.file.Path;

/**
 * Where a testbed keeps its files. Every process the testbed starts (kwokctl, the data centers'
 * servers, toxiproxy) runs with its working directory under {@link #processRoot()}, which is how
 * cleanup finds them all, even ones started by a JVM that is gone.
 */
public record TestbedLayout(Path dir) {

  public TestbedLayout {
    dir = dir.toAbsolutePath().normalize();
  }

  /** kwokctl's {@code KWOK_WORKDIR}; never the user's ~/.kwok. */
  public Path kwokWorkdir() {
    return dir.resolve("kwok");
  }

  /** Processes whose working directory is at or under this path belong to this testbed. */
  public Path processRoot() {
    return kwokWorkdir();
  }

  /**
   * Working directory for a process started beside the data centers, such as the operator under
   * test. It lies under {@link #processRoot()}, so cleanup and the watchdog kill it like the
   * servers, even when the JVM that started it was killed.
   */
  public Path processDir(String name) {
    return processRoot().resolve("processes").resolve(name);
  }

  /** Log of a process started in {@link #processDir(String)}. */
  public Path processLog(String name) {
    return logsDir().resolve(name + ".log");
  }

  public Path clustersDir() {
    return kwokWorkdir().resolve("clusters");
  }

  public Path clusterDir(String name) {
    return clustersDir().resolve(name);
  }

  public Path kwokConfig(String name) {
    return kwokWorkdir().resolve("configs").resolve(name + ".yaml");
  }

  /** A kubeconfig nobody reads, for kwokctl commands that insist on editing one. */
  public Path scratchKubeconfig() {
    return kwokWorkdir().resolve("scratch-kubeconfig.yaml");
  }

  /** The kustomize directory of the metrics APIService, for data centers that serve the API. */
  public Path metricsApiServiceDir() {
    return dir.resolve("metrics-apiservice");
  }

  public Path kubeconfig(String name) {
    return dir.resolve("kubeconfigs").resolve(name + ".yaml");
  }

  public Path proxiedKubeconfig(String name) {
    return dir.resolve("kubeconfigs").resolve(name + "-proxied.yaml");
  }

  /** Identity ({@link ProcessIdentity}) of the JVM that owns the testbed. */
  public Path ownerFile() {
    return dir.resolve("owner");
  }

  /** Written once the owner has cleaned up, so the watchdog has nothing left to do. */
  public Path closedMarker() {
    return dir.resolve("closed");
  }

  public Path logsDir() {
    return dir.resolve("logs");
  }

  public Path savedClusterLogs(String name) {
    return logsDir().resolve(name);
  }

  public Path kwokctlLog() {
    return logsDir().resolve("kwokctl.log");
  }

  public Path toxiproxyPidFile() {
    return dir.resolve("toxiproxy.pid");
  }

  public Path toxiproxyLog() {
    return logsDir().resolve("toxiproxy.log");
  }

  public Path watchdogScript() {
    return dir.resolve("watchdog.sh");
  }

  public Path watchdogLog() {
    return logsDir().resolve("watchdog.log");
  }

  /** Shell-readable summary the CLI writes once every data center is ready. */
  public Path envFile() {
    return dir.resolve("testbed.env");
  }
}
