package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrimmedCopiesTest {
  private static final Map<String, String> OURS =
      Map.of("failover.dev/policy-namespace", "shop", "failover.dev/policy-name", "web");

  @Test
  void aConfigMapKeepsItsIdentityAndLabelsAndADigestOfItsData() {
    GenericKubernetesResource configMap = configMap("a");

    TrimmedCopies.trim(configMap);

    assertThat(configMap.getAdditionalProperties()).isEmpty();
    assertThat(configMap.getMetadata().getName()).isEqualTo("settings");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(configMap.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(configMap.getMetadata().getLabels()).isEqualTo(OURS);
    assertThat(configMap.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(configMap.getMetadata().getAnnotations())
        .containsOnlyKeys(TrimmedCopies.CONTENT_DIGEST);
  }

  @Test
  void theDigestFollowsTheContentAndNothingElse() {
    GenericKubernetesResource before = configMap("a");
    GenericKubernetesResource same = configMap("a");
    same.getMetadata().setResourceVersion("8");
    GenericKubernetesResource edited = configMap("b");
    TrimmedCopies.trim(before);
    TrimmedCopies.trim(same);
    TrimmedCopies.trim(edited);

    assertThat(ManagedObjectChange.updated("toronto", before, same)).isEmpty();
    assertThat(ManagedObjectChange.updated("toronto", before, edited))
        .hasValueSatisfying(change -> assertThat(change.edited()).isTrue());
  }

  @Test
  void aDeploymentKeepsItsReplicasAndWhetherItServes() {
    GenericKubernetesResource deployment = deployment(2, "True", "2024-01-01T00:00:00Z");

    TrimmedCopies.trim(deployment);

    assertThat(deployment.getAdditionalProperties())
        .isEqualTo(
            Map.of(
                "spec",
                Map.of("replicas", 2),
                "status",
                Map.of(
                    "observedGeneration",
                    3,
                    "availableReplicas",
                    2,
                    "conditions",
                    java.util.List.of(Map.of("type", "Available", "status", "True")))));
  }

  @Test
  void aStatusUpdateThatChangesNoReadinessIsNotTold() {
    GenericKubernetesResource before = deployment(2, "True", "2024-01-01T00:00:00Z");
    GenericKubernetesResource after = deployment(2, "True", "2024-01-02T00:00:00Z");
    TrimmedCopies.trim(before);
    TrimmedCopies.trim(after);

    assertThat(ManagedObjectChange.updated("toronto", before, after)).isEmpty();
  }

  @Test
  void aChangeOfReadinessIsToldButIsNoEdit() {
    GenericKubernetesResource before = deployment(2, "True", "2024-01-01T00:00:00Z");
    GenericKubernetesResource after = deployment(1, "False", "2024-01-02T00:00:00Z");
    TrimmedCopies.trim(before);
    TrimmedCopies.trim(after);

    Optional<ManagedObjectChange> change = ManagedObjectChange.updated("toronto", before, after);

    assertThat(change).hasValueSatisfying(told -> assertThat(told.edited()).isFalse());
    assertThat(change.get().labels()).isEqualTo(OURS);
  }

  @Test
  void aDeletionIsAnEdit() {
    GenericKubernetesResource gone = configMap("a");
    TrimmedCopies.trim(gone);

    assertThat(ManagedObjectChange.deleted("toronto", gone))
        .hasValueSatisfying(change -> assertThat(change.edited()).isTrue());
  }

  private static GenericKubernetesResource configMap(String value) {
    return Serialization.unmarshal(
        """
        {"apiVersion":"v1","kind":"ConfigMap",
         "metadata":{"name":"settings","namespace":"shop","resourceVersion":"7",
           "labels":{"failover.dev/policy-namespace":"shop","failover.dev/policy-name":"web"},
           "annotations":{"note":"x"},
           "managedFields":[{"manager":"failover-operator","operation":"Apply"}]},
         "data":{"key":"%s"}}
        """
            .formatted(value),
        GenericKubernetesResource.class);
  }

  private static GenericKubernetesResource deployment(
      int available, String condition, String updated) {
    return Serialization.unmarshal(
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"shop","generation":3,
           "labels":{"failover.dev/policy-namespace":"shop","failover.dev/policy-name":"web"}},
         "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"nginx"}]}}},
         "status":{"observedGeneration":3,"availableReplicas":%d,
           "conditions":[{"type":"Available","status":"%s","lastUpdateTime":"%s",
             "message":"has minimum availability"}]}}
        """
            .formatted(available, condition, updated),
        GenericKubernetesResource.class);
  }
}
