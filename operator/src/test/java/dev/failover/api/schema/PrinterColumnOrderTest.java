package dev.failover.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PrinterColumnOrderTest {
  private static final String GENERATED =
      """
      spec:
        versions:
        - additionalPrinterColumns:
          - jsonPath: ".metadata.creationTimestamp"
            name: "Age"
            priority: 0
            type: "date"
          - description: "Availability over the rolling window"
            jsonPath: ".status.availability.percent"
            name: "Availability"
            priority: 0
            type: "number"
          - jsonPath: ".status.phase"
            name: "Phase"
            priority: 0
            type: "string"
          name: "v1alpha1"
          served: true
      """;

  @Test
  void movesAgeBehindTheOtherColumnsAndLeavesEverythingElseAsItWas() {
    assertThat(PrinterColumnOrder.ageLast(GENERATED))
        .isEqualTo(
            """
            spec:
              versions:
              - additionalPrinterColumns:
                - description: "Availability over the rolling window"
                  jsonPath: ".status.availability.percent"
                  name: "Availability"
                  priority: 0
                  type: "number"
                - jsonPath: ".status.phase"
                  name: "Phase"
                  priority: 0
                  type: "string"
                - jsonPath: ".metadata.creationTimestamp"
                  name: "Age"
                  priority: 0
                  type: "date"
                name: "v1alpha1"
                served: true
            """);
  }

  @Test
  void leavesACrdWithoutAnAgeColumnUnchanged() {
    String withoutAge = GENERATED.replace("name: \"Age\"", "name: \"Created\"");
    assertThat(PrinterColumnOrder.ageLast(withoutAge)).isEqualTo(withoutAge);
  }

  /** What the build generated (and reordered) for every kind: Age is the last column. */
  @Test
  void everyGeneratedCrdListsAgeLast() throws IOException {
    Path generated = Path.of(System.getProperty("generated.crds"));
    List<Path> crds;
    try (Stream<Path> files = Files.list(generated)) {
      crds = files.filter(f -> f.toString().endsWith("-v1.yml")).toList();
    }
    assertThat(crds).hasSizeGreaterThanOrEqualTo(8);
    for (Path crd : crds) {
      List<String> columnNames =
          Files.readAllLines(crd).stream()
              .takeWhile(line -> !line.trim().startsWith("schema:"))
              .filter(line -> line.trim().startsWith("name: \""))
              .toList();
      assertThat(columnNames).as("printer columns of %s", crd.getFileName()).isNotEmpty();
      // The version's own name follows its columns; the last column comes just before it.
      assertThat(columnNames.get(columnNames.size() - 2).trim())
          .as("last printer column of %s", crd.getFileName())
          .isEqualTo("name: \"Age\"");
    }
  }
}
