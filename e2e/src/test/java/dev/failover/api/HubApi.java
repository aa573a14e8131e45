package dev.failover.api;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared testbed's hub with the generated CRDs installed. Installing is idempotent (server-side
 * apply), so every test class may ask for it.
 */
public final class HubApi {
  static final String FIELD_MANAGER = "failover-e2e";

  private HubApi() {}

  public static KubernetesClient installed(Testbed testbed) {
    DataCenterCluster hub = testbed.dataCenter("hub");
    KubernetesClient client = hub.client();
    for (Path file : RepositoryFiles.yamlFiles("crds")) {
      installCrd(client, file);
    }
    for (String namespace : List.of("failover-system", "shop")) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .fieldManager(FIELD_MANAGER)
          .serverSideApply();
    }
    return client;
  }

  /** Applies the CRD in the file and waits until the API server serves its kind. */
  public static void installCrd(KubernetesClient client, Path file) {
    CustomResourceDefinition crd =
        Serialization.unmarshal(RepositoryFiles.read(file), CustomResourceDefinition.class);
    client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(HubApi::established, 60, TimeUnit.SECONDS);
  }

  static GenericKubernetesResource apply(
      KubernetesClient client, GenericKubernetesResource object) {
    return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
