package dev.failover.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The operator's shaded jar, as {@code mvn package} builds it. */
public final class OperatorJar {
  /** System property Failsafe sets to the jar's path. */
  public static final String PROPERTY = "operator.jar";

  private OperatorJar() {}

  /**
   * {@code -Doperator.jar} when set, else the one {@code failover-operator-*-all.jar} in {@code
   * operator/target} of the repository, so the demo finds it too.
   */
  public static Path locate() {
    String configured = System.getProperty(PROPERTY);
    Path jar =
        configured != null && !configured.isBlank()
            ? Path.of(configured).toAbsolutePath().normalize()
            : builtInRepository();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no operator jar at " + jar + "; build it first: mvn -pl operator package -DskipTests");
    }
    return jar;
  }

  private static Path builtInRepository() {
    Path target = RepositoryFiles.root().resolve("operator/target");
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars =
          files
              .filter(f -> f.getFileName().toString().matches("failover-operator-.*-all\\.jar"))
              .toList();
      if (jars.size() != 1) {
        throw new IllegalStateException(
            "expected one failover-operator-*-all.jar in " + target + ", found " + jars);
      }
      return jars.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list " + target + "; build the operator: mvn -pl operator package", e);
    }
  }
}
