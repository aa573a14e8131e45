package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorClassArchiveTest {
  @TempDir Path target;

  private Path jar() throws IOException {
    Path jar = target.resolve("failover-operator-1.0-all.jar");
    if (!Files.exists(jar)) {
      Files.writeString(jar, "not really a jar");
      Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-02T00:00:00Z")));
    }
    return jar;
  }

  /** What the JVM does at its exit when told to record. */
  private static void jvmWrites(List<String> options) throws IOException {
    String path =
        options.stream()
            .filter(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
            .findFirst()
            .orElseThrow()
            .substring("-XX:ArchiveClassesAtExit=".length());
    Files.writeString(Path.of(path), "classes");
  }

  /** A start that records, and exits with this code once the JVM has written the archive. */
  private static void recordsAndExits(OperatorClassArchive archive, int exitCode)
      throws IOException {
    OperatorClassArchive.Start start = archive.start();
    jvmWrites(start.options());
    start.exited(exitCode);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstStartRecordsOthersMeanwhileRunWithoutAndLaterStartsUseTheArchive()
      throws IOException {
    OperatorClassArchive archive = OperatorClassArchive.of(jar());

    OperatorClassArchive.Start first = archive.start();
    OperatorClassArchive.Start meanwhile = archive.start();
    assertThat(first.options())
        .contains("-Xlog:cds=off")
        .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(meanwhile.options()).isEmpty();

    jvmWrites(first.options());
    first.exited(143);
    meanwhile.exited(143);

    String kept =
        "failover-operator-1.0-all-16-"
            + Instant.parse("2026-12-02T00:00:00Z").toEpochMilli()
            + ".jsa";
    assertThat(files()).containsExactlyInAnyOrder("failover-operator-1.0-all.jar", kept);
    assertThat(OperatorClassArchive.of(jar()).start().options())
        .contains("-Xlog:cds=off", "-XX:SharedArchiveFile=" + target.resolve(kept));
  }

  @Test
  void aStartKilledWhileRecordingKeepsNothingAndTheNextStartRecordsAgain() throws IOException {
    OperatorClassArchive archive = OperatorClassArchive.of(jar());

    recordsAndExits(archive, 137);

    assertThat(files()).containsExactly("failover-operator-1.0-all.jar");
    assertThat(archive.start().options()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void aStartThatWroteNoArchiveReleasesTheClaim() throws IOException {
    OperatorClassArchive archive = OperatorClassArchive.of(jar());
    archive.start().exited(0);

    assertThat(files()).containsExactly("failover-operator-1.0-all.jar");
  }

  @Test
  void aRebuiltJarGetsAnArchiveOfItsOwn() throws IOException {
    recordsAndExits(OperatorClassArchive.of(jar()), 0);

    Files.writeString(jar(), "rebuilt, and longer than before");

    assertThat(OperatorClassArchive.of(jar()).start().options())
        .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void withoutThePropertyAStartUsesNoArchive() throws IOException {
    String before = System.clearProperty(OperatorClassArchive.PROPERTY);
    try {
      assertThat(OperatorClassArchive.startFor(jar()).options()).isEmpty();
      assertThat(files()).containsExactly("failover-operator-1.0-all.jar");
    } finally {
      if (before != null) {
        System.setProperty(OperatorClassArchive.PROPERTY, before);
      }
    }
  }
}
