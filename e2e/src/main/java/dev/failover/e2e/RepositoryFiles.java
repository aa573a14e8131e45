package dev.failover.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's own files: generated CRDs, examples, the invalid-resource corpus, the jar. */
public final class RepositoryFiles {
  /** System property Failsafe sets to the repository root. */
  public static final String ROOT_PROPERTY = "repo.root";

  private RepositoryFiles() {}

  /**
   * {@code -Drepo.root} when set; otherwise the nearest directory at or above the working directory
   * that holds {@code crds/}, so the demo and the benchmark find it when run from anywhere inside
   * the checkout.
   */
  public static Path root() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("crds")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (a directory with crds/ and pom.xml) at or above "
            + start
            + "; set -D"
            + ROOT_PROPERTY);
  }

  public static List<Path> yamlFiles(String directory) {
    try (Stream<Path> files = Files.list(root().resolve(directory))) {
      return files
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file, untyped; see {@link #documents(String)}. */
  public static List<GenericKubernetesResource> documents(Path file) {
    return documents(read(file));
  }

  /**
   * Every document of a YAML text, untyped: the API server, not the client, must judge them, so
   * nothing is coerced or dropped on the way.
   */
  public static List<GenericKubernetesResource> documents(String yaml) {
    return Stream.of(yaml.split("(?m)^---\\s*$"))
        .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(document -> Serialization.unmarshal(document, GenericKubernetesResource.class))
        .toList();
  }
}
