package dev.failover.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every field of every kind is described, so that `kubectl explain` is useful. */
class CrdSchemaDescriptionsTest {
  @Test
  void everyFieldAndKindHasADescription() throws IOException {
    List<String> undescribed = new ArrayList<>();
    Path generated = Path.of(System.getProperty("generated.crds"));
    List<Path> crds;
    try (Stream<Path> files = Files.list(generated)) {
      crds = files.filter(p -> p.toString().endsWith("-v1.yml")).sorted().toList();
    }
    assertThat(crds).isNotEmpty();
    for (Path crd : crds) {
      JsonNode root = new YAMLMapper().readTree(crd.toFile());
      JsonNode schema = root.at("/spec/versions/0/schema/openAPIV3Schema");
      String kind = root.at("/spec/names/kind").asText();
      if (!schema.hasNonNull("description")) {
        undescribed.add(kind);
      }
      collectUndescribed(kind + ".spec", schema.at("/properties/spec"), undescribed);
      collectUndescribed(kind + ".status", schema.at("/properties/status"), undescribed);
    }
    assertThat(undescribed).as("fields without @JsonPropertyDescription").isEmpty();
  }

  private static void collectUndescribed(String path, JsonNode schema, List<String> undescribed) {
    if (!schema.hasNonNull("description")) {
      undescribed.add(path);
    }
    JsonNode items = schema.path("items");
    JsonNode properties = items.isObject() ? items.path("properties") : schema.path("properties");
    // Standard conditions come from fabric8's Condition model and are documented upstream.
    if (path.endsWith(".conditions")) {
      return;
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      collectUndescribed(path + "." + property.getKey(), property.getValue(), undescribed);
    }
  }
}
