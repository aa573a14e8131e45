package dev.failover.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's own YAML: generated CRDs, examples and the invalid-resource corpus. */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  public static Path root() {
    return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  }

  static List<Path> yamlFiles(String directory) {
    try (Stream<Path> files = Files.list(root().resolve(directory))) {
      return files
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every document of a YAML file, untyped: the API server, not the client, must judge them, so
   * nothing is coerced or dropped on the way.
   */
  public static List<GenericKubernetesResource> documents(Path file) {
    return Stream.of(read(file).split("(?m)^---\\s*$"))
        .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(document -> Serialization.unmarshal(document, GenericKubernetesResource.class))
        .toList();
  }
}
