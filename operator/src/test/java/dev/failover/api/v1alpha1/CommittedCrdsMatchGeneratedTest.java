package dev.failover.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs committed in crds/ and in the Helm chart must be exactly what the build generates from
 * the API classes, so that what users install is what the operator was compiled against.
 */
class CommittedCrdsMatchGeneratedTest {
  private static final String FIX =
      "run `mvn -Pupdate-crds -pl operator process-classes` and commit crds/ and"
          + " helm/failover-operator/crds/";

  private static final Path GENERATED = directory("generated.crds");
  private static final List<Path> COMMITTED =
      List.of(directory("committed.crds"), directory("chart.crds"));

  @Test
  void generatesOneCrdPerKind() throws IOException {
    assertThat(crdFiles(GENERATED))
        .containsExactlyInAnyOrder(
            "datacenters.failover.dev-v1.yml",
            "saasriders.failover.dev-v1.yml",
            "paasriders.failover.dev-v1.yml",
            "iaasriders.failover.dev-v1.yml",
            "failoverpolicies.failover.dev-v1.yml",
            "chaosrestoretests.failover.dev-v1.yml",
            "notificationchannels.failover.dev-v1.yml",
            "notifications.failover.dev-v1.yml");
  }

  @Test
  void everyGeneratedCrdIsCommittedUnchanged() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String file : crdFiles(GENERATED)) {
      String generated = Files.readString(GENERATED.resolve(file));
      for (Path committedDir : COMMITTED) {
        Path committed = committedDir.resolve(file);
        if (!Files.exists(committed)) {
          problems.add(committed + " is missing");
        } else if (!Files.readString(committed).equals(generated)) {
          problems.add(committed + " differs from the generated " + file);
        }
      }
    }
    assertThat(problems).as("CRDs drifted from the API classes; " + FIX).isEmpty();
  }

  @Test
  void everyCommittedCrdHasAGeneratedCounterpart() throws IOException {
    Set<String> generated = crdFiles(GENERATED);
    List<String> orphans = new ArrayList<>();
    for (Path committedDir : COMMITTED) {
      for (String file : crdFiles(committedDir)) {
        if (!generated.contains(file)) {
          orphans.add(committedDir.resolve(file) + " has no generated counterpart");
        }
      }
    }
    assertThat(orphans).as("stale committed CRDs; delete them, then " + FIX).isEmpty();
  }

  private static Set<String> crdFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".yml") || name.endsWith(".yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Path directory(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + property + " is not set; run the test through Maven");
    }
    return Path.of(value);
  }
}
