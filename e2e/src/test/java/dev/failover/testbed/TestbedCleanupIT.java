package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing a testbed starts outlives it: not after {@code close()}, not after its JVM is killed with
 * SIGKILL (the watchdog cleans up), and not even when the watchdog is killed too (the next testbed
 * reaps it). Each test runs its own testbed in its own work root.
 */
class TestbedCleanupIT {
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void closingATestbedLeavesNoProcessBehind() {
    Path root = workRoot("closing");
    Testbed testbed = Testbed.start(root);
    Path processRoot = testbed.layout().processRoot();
    List<ProcessIdentity> servers;
    try {
      testbed.startDataCenter("solo");
      servers = TestbedCleanup.identities(TestbedCleanup.processesUnder(processRoot));
      assertThat(servers).hasSizeGreaterThanOrEqualTo(6);
    } finally {
      testbed.close();
    }

    assertThat(servers).noneMatch(ProcessIdentity::isAlive);
    assertThat(TestbedCleanup.processesUnder(processRoot)).isEmpty();
    assertThat(watchdogOf(testbed.layout())).isEmpty();
    assertThat(Files.exists(testbed.layout().closedMarker())).isTrue();
  }

  @Test
  void theWatchdogCleansUpAfterAJvmKilledWithSigkill() throws Exception {
    TestbedLayout layout = new TestbedLayout(workRoot("sigkill").resolve("tb-child"));
    Process jvm = startTestbedInAnotherJvm(layout, "solo");
    List<ProcessIdentity> servers = running(layout);
    assertThat(servers).hasSizeGreaterThanOrEqualTo(6);
    assertThat(watchdogOf(layout)).isPresent();

    jvm.destroyForcibly().waitFor();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> servers.stream().noneMatch(ProcessIdentity::isAlive));
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(layout.closedMarker()));
    assertThat(TestbedCleanup.processesUnder(layout.processRoot())).isEmpty();
    assertThat(watchdogOf(layout)).isEmpty();
    assertThat(Files.readString(layout.watchdogLog())).contains("is gone; cleaning up");
  }

  @Test
  void theNextTestbedReapsOneWhoseJvmAndWatchdogWereBothKilled() throws Exception {
    Path root = workRoot("reap");
    TestbedLayout stale = new TestbedLayout(root.resolve("tb-child"));
    Process jvm = startTestbedInAnotherJvm(stale, "solo");
    List<ProcessIdentity> servers = running(stale);
    ProcessHandle watchdog = watchdogOf(stale).orElseThrow();

    watchdog.destroyForcibly();
    watchdog.onExit().get(10, TimeUnit.SECONDS);
    jvm.destroyForcibly().waitFor();
    Thread.sleep(1000);
    assertThat(servers).as("orphans before the reaper runs").allMatch(ProcessIdentity::isAlive);

    try (Testbed next = Testbed.start(root)) {
      assertThat(servers).noneMatch(ProcessIdentity::isAlive);
      assertThat(stale.dir()).doesNotExist();
      assertThat(next.workDir()).exists();
    }
  }

  private Process startTestbedInAnotherJvm(TestbedLayout layout, String dataCenter)
      throws Exception {
    // A previous run's directory would hold a testbed.env that looks ready.
    StaleTestbeds.cleanUpAndDelete(layout, TestbedBinaries.locate());
    Files.createDirectories(layout.dir().getParent());
    Path output = layout.dir().resolveSibling(layout.dir().getFileName() + ".out");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process jvm =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + TestbedBinaries.PROPERTY + "=" + TestbedBinaries.locate().dir(),
                TestbedMain.class.getName(),
                "start",
                "--work",
                layout.dir().toString(),
                "--dc",
                dataCenter)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    children.add(jvm);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .failFast("the testbed JVM exited; see " + output, () -> !jvm.isAlive())
        .until(() -> Files.exists(layout.envFile()));
    return jvm;
  }

  /** The processes working under the testbed's root; a zombie (exited, unreaped) counts as gone. */
  private static List<ProcessIdentity> running(TestbedLayout layout) {
    return TestbedCleanup.identities(TestbedCleanup.processesUnder(layout.processRoot()));
  }

  private static Optional<ProcessHandle> watchdogOf(TestbedLayout layout) {
    String script = layout.watchdogScript().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(script)).orElse(false))
        .findFirst();
  }

  private static Path workRoot(String name) {
    return Testbed.defaultWorkRoot().resolve("cleanup-it").resolve(name);
  }
}
