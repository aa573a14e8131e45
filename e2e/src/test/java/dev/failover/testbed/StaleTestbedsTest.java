package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTestbedsTest {

  @Test
  void aTestbedOfADeadJvmIsStale(@TempDir Path dir) throws Exception {
    TestbedLayout layout = new TestbedLayout(Files.createDirectories(dir.resolve("tb-dead")));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(layout.ownerFile(), new ProcessIdentity(gone.pid(), 1).format());

    assertThat(StaleTestbeds.isStale(layout)).isTrue();
  }

  @Test
  void aTestbedOfALiveJvmIsNot(@TempDir Path dir) throws Exception {
    TestbedLayout layout = new TestbedLayout(Files.createDirectories(dir.resolve("tb-live")));
    Files.writeString(layout.ownerFile(), ProcessIdentity.current().format());

    assertThat(StaleTestbeds.isStale(layout)).isFalse();
  }

  @Test
  void aFreshDirectoryWithoutOwnerIsLeftAlone(@TempDir Path dir) throws Exception {
    TestbedLayout layout = new TestbedLayout(Files.createDirectories(dir.resolve("tb-new")));
    Files.createDirectories(layout.processRoot());

    assertThat(StaleTestbeds.isStale(layout)).isFalse();
  }
}
