package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbedCleanupTest {

  @Test
  void aWorkingDirectoryBelongsToTheRootItIsAtOrUnder() {
    Path root = Path.of("/w/tb-1/kwok");

    assertThat(TestbedCleanup.isAtOrUnder(Path.of("/w/tb-1/kwok"), root)).isTrue();
    assertThat(TestbedCleanup.isAtOrUnder(Path.of("/w/tb-1/kwok/clusters/toronto"), root)).isTrue();
    assertThat(TestbedCleanup.isAtOrUnder(Path.of("/w/tb-1/kwok2"), root)).isFalse();
    assertThat(TestbedCleanup.isAtOrUnder(Path.of("/w/tb-1"), root)).isFalse();
  }

  @Test
  void aDeletedWorkingDirectoryStillCounts() {
    assertThat(
            TestbedCleanup.isAtOrUnder(
                Path.of("/w/tb-1/kwok/clusters/toronto (deleted)"), Path.of("/w/tb-1/kwok")))
        .isTrue();
  }

  @Test
  void killsTheProcessesWorkingUnderTheRootAndNoOthers(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("kwok/clusters/toronto"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Process inside = sleeper(root);
    Process outside = sleeper(elsewhere);
    try {
      int killed = TestbedCleanup.killProcessesUnder(dir.resolve("kwok"));

      assertThat(killed).isEqualTo(1);
      assertThat(inside.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(outside.isAlive()).isTrue();
    } finally {
      inside.destroyForcibly();
      outside.destroyForcibly();
    }
  }

  private static Process sleeper(Path workingDirectory) throws Exception {
    return new ProcessBuilder("sleep", "300").directory(workingDirectory.toFile()).start();
  }
}
