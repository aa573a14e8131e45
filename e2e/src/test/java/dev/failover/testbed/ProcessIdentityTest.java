package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
  // A real /proc/<pid>/stat line; the command name holds a space and a parenthesis.
  private static final String STAT =
      "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 50 10 0 0 20 0 30 0 "
          + "987654 3000000000 50000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsTheStartTimeAfterACommandNameWithSpacesAndParentheses() {
    assertThat(ProcessIdentity.parseStat(4242, STAT)).contains(new ProcessIdentity(4242, 987654));
  }

  @Test
  void aZombieWhoseThreadsHaveAllExitedIsGone() {
    String zombie = STAT.replace(") S ", ") Z ").replace(" 20 0 30 0 ", " 20 0 1 0 ");

    assertThat(ProcessIdentity.parseStat(4242, zombie)).isEmpty();
  }

  @Test
  void aZombieMainThreadWhoseOtherThreadsStillExitIsStillRunning() {
    String exiting = STAT.replace(") S ", ") Z ");

    assertThat(ProcessIdentity.parseStat(4242, exiting))
        .contains(new ProcessIdentity(4242, 987654));
  }

  @Test
  void roundTripsThroughTheOwnerFileFormat() {
    ProcessIdentity identity = new ProcessIdentity(123, 456);

    assertThat(ProcessIdentity.parse(identity.format())).contains(identity);
  }

  @Test
  void rejectsAMalformedOwnerFile() {
    assertThat(ProcessIdentity.parse("123")).isEmpty();
    assertThat(ProcessIdentity.parse("a b")).isEmpty();
    assertThat(ProcessIdentity.parse(null)).isEmpty();
  }

  @Test
  void thisJvmIsAliveAndAReusedPidIsNot() {
    ProcessIdentity self = ProcessIdentity.current();

    assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(self.isAlive()).isTrue();
    assertThat(new ProcessIdentity(self.pid(), self.startTicks() + 1).isAlive()).isFalse();
  }

  @Test
  void aFinishedProcessIsNotAlive() throws Exception {
    Process process = new ProcessBuilder("true").start();
    long pid = process.pid();
    process.waitFor();

    assertThat(ProcessIdentity.of(pid)).isEqualTo(Optional.empty());
  }
}
