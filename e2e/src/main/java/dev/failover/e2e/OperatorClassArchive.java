package dev.failover.e2e;

import dev.failover.testbed.TestbedException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application class-data archive (JDK CDS) of the operator jar, beside it. The test suite starts
 * the operator about fifty times, and each start read, parsed and verified the same classes from
 * the jar again: a second or two of CPU on a machine whose two cores the data centers need. The
 * first start of a jar records the archive as it exits ({@code -XX:ArchiveClassesAtExit}), under a
 * temporary name claimed by one process at a time; when that process has exited of itself or on
 * SIGTERM, the archive is moved into place and later starts map it. A start killed while recording
 * records nothing, and the next start records again. The name is keyed by the jar's size and
 * modification time, so a rebuilt jar is never started with another jar's archive (the JVM would
 * also refuse one and run without it). The JVM's CDS log lines are off: the operator's output stays
 * its own log, in its format. Only the test suite uses it ({@value #PROPERTY}, set by Failsafe):
 * the benchmarks measure the operator as it runs in production, without an archive.
 */
final class OperatorClassArchive {
  private static final Logger log = LoggerFactory.getLogger(OperatorClassArchive.class);

  /** System property that turns the archive on: {@code true} in the test suite. */
  static final String PROPERTY = "operator.classArchive";

  private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path archive;
  private final Path recording;

  private OperatorClassArchive(Path archive) {
    this.archive = archive;
    this.recording = archive.resolveSibling(archive.getFileName() + ".recording");
  }

  /** What a start of this jar does: {@link #start()} if the archive is on, else nothing. */
  static Start startFor(Path jar) {
    return Boolean.getBoolean(PROPERTY) ? of(jar).start() : Start.NONE;
  }

  /** The archive for this jar, whether it exists yet or not. */
  static OperatorClassArchive of(Path jar) {
    try {
      long size = Files.size(jar);
      FileTime modified = Files.getLastModifiedTime(jar);
      String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      return new OperatorClassArchive(
          jar.resolveSibling(name + "-" + size + "-" + modified.toMillis() + ".jsa"));
    } catch (IOException e) {
      throw new TestbedException("cannot read the operator jar " + jar + ": " + e.getMessage(), e);
    }
  }

  /** What one start does with the archive: its JVM options, and what to do when it exits. */
  record Start(List<String> options, IntConsumer onExit) {
    static final Start NONE = new Start(List.of(), code -> {});

    void exited(int exitCode) {
      onExit.accept(exitCode);
    }
  }

  /** Uses the archive if it is there; else records it, unless another start is recording it. */
  Start start() {
    if (Files.isRegularFile(archive)) {
      return new Start(options("-XX:SharedArchiveFile=" + archive), code -> {});
    }
    try {
      Files.createFile(recording);
    } catch (FileAlreadyExistsException recordingElsewhere) {
      return Start.NONE;
    } catch (IOException e) {
      log.warn("Not recording a class archive of the operator: {}", e.toString());
      return Start.NONE;
    }
    return new Start(options("-XX:ArchiveClassesAtExit=" + recording), this::recorded);
  }

  /** 0, or 143 after SIGTERM: the JVM ran its exit, which writes the archive whole. */
  private void recorded(int exitCode) {
    try {
      if ((exitCode == 0 || exitCode == 143) && Files.size(recording) > 0) {
        Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
        log.info("Recorded the operator's class archive {}", archive);
      } else {
        Files.deleteIfExists(recording);
      }
    } catch (IOException e) {
      log.warn("Could not keep the operator's class archive {}: {}", archive, e.toString());
      try {
        Files.deleteIfExists(recording);
      } catch (IOException ignored) {
        // the next start finds the claim and runs without an archive
      }
    }
  }

  /** The CDS log lines off, then the one option that names the archive. */
  private static List<String> options(String archiveOption) {
    return java.util.stream.Stream.concat(QUIET.stream(), java.util.stream.Stream.of(archiveOption))
        .toList();
  }
}
