package dev.failover.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kwokctl against one testbed's own {@code KWOK_WORKDIR}. Output goes to a file, never a pipe,
 * so a component that kwokctl leaves running can never hold a pipe of ours open; each call's output
 * is appended to {@code kwokctl.log} in the testbed's work directory.
 */
final class Kwokctl {
  private final TestbedBinaries binaries;
  private final TestbedLayout layout;

  Kwokctl(TestbedBinaries binaries, TestbedLayout layout) {
    this.binaries = binaries;
    this.layout = layout;
  }

  /**
   * Node leases are off: with them, a kwok controller restarted by {@link #startCluster} manages no
   * node (and runs no pod) until its predecessor's leases expire, 200 s with kwokctl's heartbeat
   * factor, so a restored data center could not run a workload for minutes. Each data center has
   * one kwok controller, so nothing needs the leases; nodes heartbeat by status.
   */
  void createCluster(String name, Path config, Path kubeconfig, Duration wait) {
    run(
        wait.plusSeconds(30),
        "--config=" + config,
        "create",
        "cluster",
        "--name=" + name,
        "--runtime=binary",
        "--kube-apiserver-binary=" + binaries.binary("kube-apiserver"),
        "--kube-controller-manager-binary=" + binaries.binary("kube-controller-manager"),
        "--kube-scheduler-binary=" + binaries.binary("kube-scheduler"),
        "--etcd-binary=" + binaries.binary("etcd"),
        "--kwok-controller-binary=" + binaries.binary("kwok"),
        "--node-lease-duration-seconds=0",
        "--kubeconfig=" + kubeconfig,
        "--wait=" + wait.toSeconds() + "s");
  }

  void scaleNodes(String name, int replicas) {
    run(Duration.ofMinutes(1), "scale", "node", "--name=" + name, "--replicas=" + replicas);
  }

  void stopCluster(String name) {
    run(Duration.ofMinutes(1), "stop", "cluster", "--name=" + name);
  }

  void startCluster(String name, Duration wait) {
    run(
        wait.plusSeconds(30),
        "start",
        "cluster",
        "--name=" + name,
        "--wait=" + wait.toSeconds() + "s");
  }

  /**
   * Deletes the cluster. kwokctl also removes the cluster's context from a kubeconfig, by default
   * ~/.kube/config, and refuses an empty path, so it gets a scratch file of the testbed's own.
   */
  void deleteCluster(String name) {
    run(
        Duration.ofMinutes(1),
        "delete",
        "cluster",
        "--name=" + name,
        "--kubeconfig=" + layout.scratchKubeconfig());
  }

  void deleteAllClusters() {
    run(
        Duration.ofMinutes(2),
        "delete",
        "cluster",
        "--all",
        "--kubeconfig=" + layout.scratchKubeconfig());
  }

  private void run(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binaries.kwokctl().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KWOK_WORKDIR", layout.kwokWorkdir().toString());
    // Under the process root, so cleanup also finds a kwokctl whose JVM died mid-call.
    builder.directory(layout.processRoot().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.redirectErrorStream(true);
    try {
      Path output = Files.createTempFile(layout.dir(), "kwokctl-", ".out");
      builder.redirectOutput(output.toFile());
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      String text = Files.readString(output);
      Files.writeString(
          layout.kwokctlLog(),
          "$ " + String.join(" ", command) + "\n" + text,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Files.delete(output);
      if (!finished) {
        throw new TestbedException(
            "kwokctl did not finish within " + timeout + ": " + command + "\n" + tail(text));
      }
      if (process.exitValue() != 0) {
        throw new TestbedException(
            "kwokctl failed (exit " + process.exitValue() + "): " + command + "\n" + tail(text));
      }
    } catch (IOException e) {
      throw new TestbedException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted while running " + command, e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }
}
