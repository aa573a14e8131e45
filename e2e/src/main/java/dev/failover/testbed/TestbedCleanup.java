package dev.failover.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes everything a testbed started: every kwokctl cluster in its work directory, then every
 * process still working under {@link TestbedLayout#processRoot()} (servers, toxiproxy, a kwokctl
 * still running). It needs nothing from the JVM that made the testbed, so the shutdown hook, the
 * reaper of stale testbeds and the CLI's {@code stop} all use it; {@code watchdog.sh} does the same
 * in shell.
 */
final class TestbedCleanup {
  private static final Logger log = LoggerFactory.getLogger(TestbedCleanup.class);

  private final TestbedLayout layout;
  private final Optional<Kwokctl> kwokctl;

  TestbedCleanup(TestbedLayout layout, Optional<TestbedBinaries> binaries) {
    this.layout = layout;
    this.kwokctl = binaries.map(b -> new Kwokctl(b, layout));
  }

  /**
   * Lets kwokctl stop and remove the clusters (it kills by its pid files while they are still
   * right), then kills whatever still works under the process root. Never throws.
   */
  void run() {
    List<ProcessIdentity> running = identities(processesUnder(layout.processRoot()));
    if (Files.isDirectory(layout.clustersDir()) && kwokctl.isPresent()) {
      try {
        kwokctl.get().deleteAllClusters();
      } catch (RuntimeException e) {
        log.warn("kwokctl could not delete the clusters in {}: {}", layout.dir(), e.getMessage());
      }
    }
    int killed = killProcessesUnder(layout.processRoot());
    if (killed > 0) {
      log.info("Killed {} leftover testbed processes under {}", killed, layout.processRoot());
    }
    // kwokctl sends SIGKILL and returns; wait until the servers have really exited.
    awaitGone(running, Duration.ofSeconds(10));
  }

  /** SIGKILLs every process (other than this JVM) working under {@code root}; waits for them. */
  static int killProcessesUnder(Path root) {
    List<ProcessHandle> victims = processesUnder(root);
    List<ProcessIdentity> identities = identities(victims);
    victims.forEach(ProcessHandle::destroyForcibly);
    awaitGone(identities, Duration.ofSeconds(10));
    return victims.size();
  }

  /** Waits until none of the processes runs any more; a zombie counts as gone. */
  static void awaitGone(List<ProcessIdentity> processes, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    for (ProcessIdentity process : processes) {
      while (process.isAlive() && Instant.now().isBefore(deadline)) {
        sleep(Duration.ofMillis(20));
      }
    }
  }

  static List<ProcessIdentity> identities(List<ProcessHandle> processes) {
    return processes.stream()
        .map(p -> ProcessIdentity.of(p.pid()))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Every process other than this JVM whose working directory is at or under {@code root}. */
  static List<ProcessHandle> processesUnder(Path root) {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> p.pid() != ProcessHandle.current().pid())
          .filter(p -> workingDirectory(p.pid()).map(cwd -> isAtOrUnder(cwd, root)).orElse(false))
          .toList();
    }
  }

  static Optional<Path> workingDirectory(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code cwd} (as /proc shows it, maybe with " (deleted)") lies at or under root. */
  static boolean isAtOrUnder(Path cwd, Path root) {
    String path = cwd.toString();
    if (path.endsWith(" (deleted)")) {
      path = path.substring(0, path.length() - " (deleted)".length());
    }
    String rootPath = root.toString();
    return path.equals(rootPath) || path.startsWith(rootPath + "/");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
