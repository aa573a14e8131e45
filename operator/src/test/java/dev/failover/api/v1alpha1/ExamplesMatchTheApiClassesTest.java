package dev.failover.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failover.dev resource in examples/ reads into its Java class and writes back unchanged, so
 * the examples use only fields the operator understands and the classes lose nothing.
 */
class ExamplesMatchTheApiClassesTest {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "DataCenter", DataCenter.class,
          "SaasRider", SaasRider.class,
          "PaasRider", PaasRider.class,
          "IaasRider", IaasRider.class,
          "FailoverPolicy", FailoverPolicy.class,
          "ChaosRestoreTest", ChaosRestoreTest.class,
          "NotificationChannel", NotificationChannel.class,
          "Notification", Notification.class);

  /** YAML reads 10 as an integer; the classes hold some numbers as doubles. Same value, same. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? Double.compare(a.doubleValue(), b.doubleValue())
              : a.equals(b) ? 0 : 1;

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static Stream<Arguments> failoverResources() throws IOException {
    List<Arguments> resources = new ArrayList<>();
    for (Path file : exampleFiles()) {
      for (JsonNode document : documents(file)) {
        if (document.path("apiVersion").asText().startsWith("failover.dev/")) {
          String name =
              file.getFileName()
                  + ": "
                  + document.path("kind").asText()
                  + " "
                  + document.path("metadata").path("name").asText();
          resources.add(Arguments.of(name, document));
        }
      }
    }
    return resources.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failoverResources")
  void readsIntoItsClassAndWritesBackUnchanged(String name, JsonNode document) {
    Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
    assertThat(type).as("kind of %s", name).isNotNull();

    HasMetadata typed = SERIALIZATION.convertValue(document, type);
    JsonNode written = SERIALIZATION.convertValue(typed, JsonNode.class);

    assertThat(written.equals(NUMBERS_BY_VALUE, document))
        .as("%s after a round trip through %s:%n%s", name, type.getSimpleName(), written)
        .isTrue();
  }

  @Test
  void examplesCoverEveryKindButTheOperatorWrittenNotification() throws IOException {
    List<String> kinds = new ArrayList<>();
    failoverResources().forEach(a -> kinds.add(((JsonNode) a.get()[1]).path("kind").asText()));
    assertThat(kinds)
        .containsAll(KINDS.keySet().stream().filter(k -> !k.equals("Notification")).toList());
  }

  private static List<Path> exampleFiles() throws IOException {
    Path dir = Path.of(System.getProperty("examples.dir", "../examples"));
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    return new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll();
  }
}
