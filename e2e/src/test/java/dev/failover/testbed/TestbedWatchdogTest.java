package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog script on its own: a fake owner, a fake kwokctl, a process to clean up. */
class TestbedWatchdogTest {

  @Test
  void theScriptIsValidShell(@TempDir Path dir) throws Exception {
    TestbedLayout layout = new TestbedLayout(dir.resolve("tb it's"));
    Path script = dir.resolve("watchdog.sh");
    Files.writeString(
        script, TestbedWatchdog.script(layout, new ProcessIdentity(1, 2), Path.of("/bin/kwokctl")));

    Process check = new ProcessBuilder("sh", "-n", script.toString()).inheritIO().start();

    assertThat(check.waitFor()).isZero();
  }

  @Test
  void whenTheOwnerDiesItDeletesTheClustersAndKillsWhatRunsUnderTheRoot(@TempDir Path dir)
      throws Exception {
    TestbedLayout layout = new TestbedLayout(dir.resolve("tb"));
    Path cluster = Files.createDirectories(layout.clusterDir("toronto"));
    Files.createDirectories(layout.logsDir());
    Path kwokctlCalls = dir.resolve("kwokctl-calls");
    Path fakeKwokctl = dir.resolve("kwokctl");
    Files.writeString(
        fakeKwokctl, "#!/bin/sh\necho \"$KWOK_WORKDIR $*\" >> '" + kwokctlCalls + "'\n");
    Files.setPosixFilePermissions(fakeKwokctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    Process owner = new ProcessBuilder("sleep", "300").start();
    Process server = new ProcessBuilder("sleep", "300").directory(cluster.toFile()).start();
    ProcessIdentity ownerIdentity = ProcessIdentity.of(owner.pid()).orElseThrow();
    TestbedWatchdog watchdog = TestbedWatchdog.start(layout, ownerIdentity, fakeKwokctl);
    try {
      Thread.sleep(1500);
      assertThat(server.isAlive()).as("nothing happens while the owner lives").isTrue();

      owner.destroyForcibly().waitFor();

      assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("server killed").isTrue();
      assertThat(Files.readString(kwokctlCalls))
          .contains(layout.kwokWorkdir() + " delete cluster --all");
      assertThat(ProcessHandle.of(watchdog.pid()).map(p -> p.onExit()))
          .hasValueSatisfying(exit -> exit.join());
      assertThat(Files.exists(layout.closedMarker())).isTrue();
    } finally {
      owner.destroyForcibly();
      server.destroyForcibly();
      watchdog.stop();
    }
  }

  @Test
  void aCleanlyClosedTestbedLeavesTheWatchdogNothingToDo(@TempDir Path dir) throws Exception {
    TestbedLayout layout = new TestbedLayout(dir.resolve("tb"));
    Path cluster = Files.createDirectories(layout.clusterDir("toronto"));
    Files.createDirectories(layout.logsDir());
    Process owner = new ProcessBuilder("sleep", "300").start();
    Process bystander = new ProcessBuilder("sleep", "300").directory(cluster.toFile()).start();
    TestbedWatchdog watchdog =
        TestbedWatchdog.start(
            layout, ProcessIdentity.of(owner.pid()).orElseThrow(), Path.of("/bin/false"));
    try {
      Files.writeString(layout.closedMarker(), "closed\n");
      owner.destroyForcibly().waitFor();

      ProcessHandle.of(watchdog.pid()).ifPresent(p -> p.onExit().join());
      assertThat(bystander.isAlive()).isTrue();
    } finally {
      owner.destroyForcibly();
      bystander.destroyForcibly();
      watchdog.stop();
    }
  }
}
