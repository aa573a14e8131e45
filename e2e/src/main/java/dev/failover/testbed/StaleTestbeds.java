package dev.failover.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds testbeds whose owner JVM is gone and removes them with everything they started. */
final class StaleTestbeds {
  private static final Logger log = LoggerFactory.getLogger(StaleTestbeds.class);

  /** A directory with no owner file yet may be one another JVM is just creating. */
  private static final Duration UNOWNED_GRACE = Duration.ofMinutes(2);

  private StaleTestbeds() {}

  static void reap(Path workRoot, TestbedBinaries binaries) {
    if (!Files.isDirectory(workRoot)) {
      return;
    }
    List<Path> candidates;
    try (Stream<Path> entries = Files.list(workRoot)) {
      candidates = entries.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + workRoot, e);
    }
    for (Path dir : candidates) {
      TestbedLayout layout = new TestbedLayout(dir);
      if (isStale(layout)) {
        if (Files.exists(layout.closedMarker())) {
          log.debug("Removing closed testbed {}", dir);
        } else {
          log.info("Reaping testbed {} left running by a dead JVM", dir);
        }
        cleanUpAndDelete(layout, binaries);
      }
    }
  }

  static boolean isStale(TestbedLayout layout) {
    Optional<ProcessIdentity> owner = owner(layout);
    if (owner.isPresent()) {
      return !owner.get().isAlive();
    }
    try {
      Instant modified = Files.getLastModifiedTime(layout.dir()).toInstant();
      return Files.isDirectory(layout.processRoot())
          && modified.isBefore(Instant.now().minus(UNOWNED_GRACE));
    } catch (IOException e) {
      return false;
    }
  }

  static Optional<ProcessIdentity> owner(TestbedLayout layout) {
    try {
      return ProcessIdentity.parse(Files.readString(layout.ownerFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Removes the testbed's clusters and processes, then its directory. */
  static void cleanUpAndDelete(TestbedLayout layout, TestbedBinaries binaries) {
    if (!Files.exists(layout.dir())) {
      return;
    }
    new TestbedCleanup(layout, Optional.of(binaries)).run();
    deleteRecursively(layout.dir());
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
