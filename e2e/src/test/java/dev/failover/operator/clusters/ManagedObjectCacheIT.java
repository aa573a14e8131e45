package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.FakeDeployments;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cache of the operator's own objects against a real data center (Toronto): it answers from its
 * watch only once in sync and while watching, sees only objects with the operator's label, keeps
 * only what the operator reads of them, tells edits (spec, content, labels) and deletions apart
 * from changes of readiness, and stops vouching when the data center is cut off or refuses the
 * list.
 */
@ExtendWith(SharedTestbedExtension.class)
class ManagedObjectCacheIT {
  private static final String NAMESPACE = "object-cache-it";
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  private static final String OPERATOR = "failover-operator";
  private static final Map<String, String> OURS =
      Map.of(
          MANAGED_BY,
          OPERATOR,
          "failover.dev/policy-namespace",
          NAMESPACE,
          "failover.dev/policy-name",
          "shop");
  private static final Duration WITHIN = Duration.ofSeconds(30);

  private final List<ManagedObjectChange> changes = new CopyOnWriteArrayList<>();
  private ManagedObjectCache cache;
  private KubernetesClient client;

  @BeforeAll
  static void createNamespace(Testbed testbed) {
    testbed
        .dataCenter("toronto")
        .client()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @AfterEach
  void closeTheCache(Testbed testbed) {
    if (cache != null) {
      cache.close();
    }
    if (client != null) {
      client.close();
    }
    DataCenterCluster toronto = testbed.dataCenter("toronto");
    toronto.uncut();
    toronto.client().configMaps().inNamespace(NAMESPACE).delete();
    toronto.client().apps().deployments().inNamespace(NAMESPACE).delete();
  }

  @AfterAll
  static void deleteNamespace(Testbed testbed) {
    KubernetesClient admin = testbed.dataCenter("toronto").client();
    admin.namespaces().withName(NAMESPACE).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> admin.namespaces().withName(NAMESPACE).get() == null);
  }

  @Test
  void answersFromItsWatchForTheOperatorsObjectsOnly(Testbed testbed) {
    KubernetesClient admin = testbed.dataCenter("toronto").client();
    admin.resource(configMap("ours", OURS)).create();
    admin.resource(configMap("theirs", Map.of("app", "theirs"))).create();
    cache = cacheOf(testbed.dataCenter("toronto").proxiedClientConfig());

    Optional<GenericKubernetesResource> ours = awaitVouched("ours");

    assertThat(ours).isPresent();
    assertThat(ours.get().getMetadata().getLabels()).containsAllEntriesOf(OURS);
    assertThat(ours.get().getMetadata().getManagedFields()).as("not kept").isNullOrEmpty();
    assertThat(ours.get().getAdditionalProperties())
        .as("the data is not kept")
        .doesNotContainKey("data");
    assertThat(ours.get().getMetadata().getAnnotations())
        .as("a digest of it instead")
        .containsKey(TrimmedCopies.CONTENT_DIGEST);
    assertThat(find("ConfigMap", "theirs")).as("another's object").contains(Optional.empty());
    assertThat(find("ConfigMap", "missing")).contains(Optional.empty());
    assertThat(cache.find("v1", "Secret", NAMESPACE, "ours")).as("a kind not cached").isEmpty();
    assertThat(cache.find("v1", "ConfigMap", null, "ours")).as("no namespace").isEmpty();
    assertThat(cache.watches("v1", "ConfigMap", NAMESPACE)).isTrue();

    admin.resource(configMap("later", OURS)).create();
    await().atMost(WITHIN).until(() -> find("ConfigMap", "later").flatMap(f -> f).isPresent());
  }

  @Test
  void tellsEditsAndDeletionsAsEditsAndReadinessAlone(Testbed testbed) {
    KubernetesClient admin = testbed.dataCenter("toronto").client();
    Deployment deployment = FakeDeployments.fake(NAMESPACE, "web", 1, Map.of(), Map.of());
    deployment.getMetadata().setLabels(OURS);
    admin.resource(deployment).create();
    admin.resource(configMap("settings", OURS)).create();
    cache = cacheOf(testbed.dataCenter("toronto").proxiedClientConfig());
    awaitVouched("settings");
    await().atMost(WITHIN).until(() -> availableReplicas("web") == 1);
    assertThat(find("Deployment", "web").flatMap(found -> found).orElseThrow())
        .as("a Deployment keeps its replicas and readiness, not its pod template")
        .satisfies(
            web -> {
              assertThat(fields(web, "spec")).containsOnlyKeys("replicas");
              assertThat(fields(web, "status"))
                  .containsKeys("observedGeneration", "availableReplicas", "conditions");
            });
    assertThat(changes).as("no edit so far").noneMatch(ManagedObjectChange::edited);

    admin.apps().deployments().inNamespace(NAMESPACE).withName("web").scale(2);
    await().atMost(WITHIN).until(() -> edits() == 1);
    int scaled = firstEdit();
    await().atMost(WITHIN).until(() -> availableReplicas("web") == 2);
    // The controller's status writes come after the spec edit, each told once the store has it.
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(changes.subList(scaled + 1, changes.size()))
                    .as("the second replica serving is told as readiness, not as an edit")
                    .isNotEmpty()
                    .noneMatch(ManagedObjectChange::edited));
    admin
        .configMaps()
        .inNamespace(NAMESPACE)
        .withName("settings")
        .edit(
            cm ->
                new ConfigMapBuilder(cm)
                    .editMetadata()
                    .addToLabels("x", "y")
                    .endMetadata()
                    .build());
    await().atMost(WITHIN).until(() -> edits() == 2);
    admin
        .configMaps()
        .inNamespace(NAMESPACE)
        .withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("key", "changed by hand").build());
    await()
        .atMost(WITHIN)
        .alias("a ConfigMap has no generation: its data is told by digest")
        .until(() -> edits() == 3);
    admin.configMaps().inNamespace(NAMESPACE).withName("settings").delete();
    await().atMost(WITHIN).until(() -> edits() == 4);

    assertThat(changes)
        .allSatisfy(
            change -> {
              assertThat(change.dataCenter()).isEqualTo("toronto");
              assertThat(change.labels()).containsAllEntriesOf(OURS);
            });
    await()
        .atMost(WITHIN)
        .until(() -> find("ConfigMap", "settings").equals(Optional.of(Optional.empty())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(GenericKubernetesResource object, String field) {
    return (Map<String, Object>) object.getAdditionalProperties().get(field);
  }

  private int firstEdit() {
    for (int index = 0; index < changes.size(); index++) {
      if (changes.get(index).edited()) {
        return index;
      }
    }
    throw new AssertionError("no edit told: " + changes);
  }

  private long edits() {
    return changes.stream().filter(ManagedObjectChange::edited).count();
  }

  private int availableReplicas(String deployment) {
    return find("Deployment", deployment)
        .flatMap(found -> found)
        .map(web -> (Map<?, ?>) web.getAdditionalProperties().get("status"))
        .map(status -> status.get("availableReplicas"))
        .map(count -> ((Number) count).intValue())
        .orElse(0);
  }

  @Test
  void vouchesForNothingWhileTheDataCenterIsCutOff(Testbed testbed) {
    DataCenterCluster toronto = testbed.dataCenter("toronto");
    toronto.client().resource(configMap("ours", OURS)).create();
    cache = cacheOf(toronto.proxiedClientConfig());
    awaitVouched("ours");

    toronto.cut();
    await().atMost(WITHIN).until(() -> find("ConfigMap", "ours").isEmpty());
    assertThat(cache.watches("v1", "ConfigMap", NAMESPACE)).isFalse();

    // Changed while the cache could not see it: once back, the cache has caught up.
    toronto.client().configMaps().inNamespace(NAMESPACE).withName("ours").delete();
    toronto.uncut();
    await()
        .atMost(WITHIN)
        .until(() -> find("ConfigMap", "ours").equals(Optional.of(Optional.empty())));
  }

  @Test
  void aDataCenterThatRefusesTheListIsReadObjectByObject(Testbed testbed) {
    DataCenterCluster toronto = testbed.dataCenter("toronto");
    toronto.client().resource(configMap("ours", OURS)).create();
    Config nobody = toronto.proxiedClientConfig();
    nobody.setImpersonateUsername("nobody-at-all");
    cache = cacheOf(nobody);

    Instant until = Instant.now().plusSeconds(3);
    while (Instant.now().isBefore(until)) {
      assertThat(find("ConfigMap", "ours")).as("never vouched for").isEmpty();
      Sleep.of(Duration.ofMillis(200));
    }
    assertThat(cache.watches("v1", "ConfigMap", NAMESPACE)).isFalse();
  }

  private ManagedObjectCache cacheOf(Config config) {
    client = new KubernetesClientBuilder().withConfig(config).build();
    return new ManagedObjectCache(
        "toronto", client, MANAGED_BY, OPERATOR, changes::add, Clock.systemUTC());
  }

  private Optional<GenericKubernetesResource> awaitVouched(String configMap) {
    await().atMost(WITHIN).until(() -> find("ConfigMap", configMap).isPresent());
    return find("ConfigMap", configMap).orElseThrow();
  }

  private Optional<Optional<GenericKubernetesResource>> find(String kind, String name) {
    String apiVersion = "Deployment".equals(kind) ? "apps/v1" : "v1";
    return cache.find(apiVersion, kind, NAMESPACE, name);
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(
      String name, Map<String, String> labels) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withLabels(labels)
        .endMetadata()
        .addToData("key", "value")
        .build();
  }
}
