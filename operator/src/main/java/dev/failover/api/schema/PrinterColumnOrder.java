package dev.failover.api.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the Age column last in a generated CRD, where kubectl's own tables have it. The fabric8
 * generator sorts printer columns by JSON path (fabric8io/kubernetes-client#3974), so {@code
 * .metadata.creationTimestamp} always came first. Works on the YAML text, moving one list item, so
 * the rest of the file stays byte for byte what the generator wrote.
 *
 * <p>The build runs {@link #main} on the generator's output before anything reads it; the drift
 * check then compares the committed CRDs with the reordered ones.
 */
public final class PrinterColumnOrder {
  private static final String COLUMNS_KEY = "additionalPrinterColumns:";
  private static final String AGE_NAME = "name: \"Age\"";

  private PrinterColumnOrder() {}

  /** Rewrites every {@code *.yml} CRD in the directories given as arguments. */
  public static void main(String[] args) {
    for (String directory : args) {
      try (Stream<Path> files = Files.list(Path.of(directory))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
          String yaml = Files.readString(file, StandardCharsets.UTF_8);
          String reordered = ageLast(yaml);
          if (!reordered.equals(yaml)) {
            Files.writeString(file, reordered, StandardCharsets.UTF_8);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reorder the printer columns in " + directory, e);
      }
    }
  }

  /** The CRD with the Age column moved to the end of each version's printer columns. */
  public static String ageLast(String crdYaml) {
    List<String> lines = new ArrayList<>(crdYaml.lines().toList());
    for (int key = 0; key < lines.size(); key++) {
      String line = lines.get(key);
      if (line.trim().endsWith(COLUMNS_KEY)) {
        moveAgeToTheEnd(lines, key + 1);
      }
    }
    return String.join("\n", lines) + (crdYaml.endsWith("\n") ? "\n" : "");
  }

  /** The list starts at {@code first}; its items begin with "- " at the first line's indent. */
  private static void moveAgeToTheEnd(List<String> lines, int first) {
    int indent = indentOf(lines.get(first));
    List<List<String>> items = new ArrayList<>();
    int end = first;
    while (end < lines.size() && belongsToList(lines.get(end), indent)) {
      if (indentOf(lines.get(end)) == indent) {
        items.add(new ArrayList<>());
      }
      items.get(items.size() - 1).add(lines.get(end));
      end++;
    }
    List<String> age =
        items.stream()
            .filter(item -> item.stream().anyMatch(l -> l.trim().equals(AGE_NAME)))
            .findFirst()
            .orElse(null);
    if (age == null) {
      return;
    }
    items.remove(age);
    items.add(age);
    List<String> reordered = items.stream().flatMap(List::stream).toList();
    for (int i = 0; i < reordered.size(); i++) {
      lines.set(first + i, reordered.get(i));
    }
  }

  private static boolean belongsToList(String line, int indent) {
    int lineIndent = indentOf(line);
    return lineIndent > indent || (lineIndent == indent && line.trim().startsWith("- "));
  }

  private static int indentOf(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return indent;
  }
}
