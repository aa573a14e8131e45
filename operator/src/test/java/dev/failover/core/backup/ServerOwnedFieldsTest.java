package dev.failover.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOwnedFieldsTest {
  private static Map<String, Object> deploymentAsServed() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "web");
    metadata.put("namespace", "shop");
    metadata.put("labels", Map.of("app", "web"));
    metadata.put(
        "annotations",
        new LinkedHashMap<>(Map.of("deployment.kubernetes.io/revision", "3", "team", "crm")));
    metadata.put("resourceVersion", "123");
    metadata.put("uid", "u-1");
    metadata.put("generation", 4);
    metadata.put("creationTimestamp", "2026-12-01T08:00:00Z");
    metadata.put("managedFields", List.of(Map.of("manager", "failover-operator")));
    metadata.put("ownerReferences", List.of(Map.of("name", "x")));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "apps/v1");
    object.put("kind", "Deployment");
    object.put("metadata", metadata);
    object.put("spec", Map.of("replicas", 2));
    object.put("status", Map.of("availableReplicas", 2));
    return object;
  }

  @Test
  void removesStatusIdentityVersionsOwnershipAndTheControllersRevision() {
    Map<String, Object> stripped = ServerOwnedFields.strip(deploymentAsServed());
    assertThat(stripped).containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) stripped.get("metadata");
    assertThat(metadata).containsOnlyKeys("name", "namespace", "labels", "annotations");
    assertThat(metadata.get("annotations")).isEqualTo(Map.of("team", "crm"));
    assertThat(stripped.get("spec")).isEqualTo(Map.of("replicas", 2));
  }

  @Test
  void leavesTheInputAsItWas() {
    Map<String, Object> served = deploymentAsServed();
    ServerOwnedFields.strip(served);
    assertThat(served).containsKey("status");
    assertThat(((Map<?, ?>) served.get("metadata")).containsKey("uid")).isTrue();
  }

  @Test
  void anObjectLeftWithoutAnnotationsHasNoAnnotationsField() {
    Map<String, Object> served = deploymentAsServed();
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) served.get("metadata");
    metadata.put(
        "annotations", new LinkedHashMap<>(Map.of("deployment.kubernetes.io/revision", "1")));
    assertThat(
            ((Map<?, ?>) ServerOwnedFields.strip(served).get("metadata"))
                .containsKey("annotations"))
        .isFalse();
  }

  @Test
  void removesAServicesClusterIpsWhichAnotherClusterWouldRefuse() {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("apiVersion", "v1");
    service.put("kind", "Service");
    service.put("metadata", new LinkedHashMap<>(Map.of("name", "web")));
    service.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "clusterIP", "10.0.0.7",
                "clusterIPs", List.of("10.0.0.7"),
                "ports", List.of(Map.of("port", 80)))));
    assertThat(ServerOwnedFields.strip(service).get("spec"))
        .isEqualTo(Map.of("ports", List.of(Map.of("port", 80))));
  }

  @Test
  void keepsAClusterIpFieldOfAnotherKind() {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("apiVersion", "example.dev/v1");
    custom.put("kind", "Service");
    custom.put("spec", new LinkedHashMap<>(Map.of("clusterIP", "mine")));
    assertThat(ServerOwnedFields.strip(custom).get("spec")).isEqualTo(Map.of("clusterIP", "mine"));
  }
}
