package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

  @Test
  void readsThePidKwokctlWrites() {
    assertThat(PidFile.parse("25475")).isEqualTo(OptionalLong.of(25475));
  }

  @Test
  void toleratesSurroundingWhitespaceAndTrailingFields() {
    assertThat(PidFile.parse("  42\n")).isEqualTo(OptionalLong.of(42));
    assertThat(PidFile.parse("42 1234\n")).isEqualTo(OptionalLong.of(42));
  }

  @Test
  void rejectsWhatIsNoPid() {
    assertThat(PidFile.parse("")).isEmpty();
    assertThat(PidFile.parse(null)).isEmpty();
    assertThat(PidFile.parse("abc")).isEmpty();
    assertThat(PidFile.parse("0")).isEmpty();
    assertThat(PidFile.parse("-7")).isEmpty();
  }

  @Test
  void aMissingFileHasNoPid(@TempDir Path dir) {
    assertThat(PidFile.read(dir.resolve("absent.pid"))).isEmpty();
  }

  @Test
  void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pids/toxiproxy.pid");
    PidFile.write(file, 31337);

    assertThat(Files.readString(file)).isEqualTo("31337\n");
    assertThat(PidFile.read(file)).isEqualTo(OptionalLong.of(31337));
  }
}
