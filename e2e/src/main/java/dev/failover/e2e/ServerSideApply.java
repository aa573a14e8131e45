package dev.failover.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * How the fixture writes to a cluster: server-side apply under one field manager, forcing
 * conflicts, so every write is idempotent and a test that re-applies changes only its own fields.
 */
public final class ServerSideApply {
  public static final String FIELD_MANAGER = "failover-e2e";

  private ServerSideApply() {}

  public static <T extends HasMetadata> T apply(KubernetesClient client, T object) {
    return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  public static Namespace namespace(KubernetesClient client, String name) {
    return apply(
        client, new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
  }

  /** Applies every document of the YAML text, in order; returns what the API server stored. */
  public static List<GenericKubernetesResource> applyYaml(KubernetesClient client, String yaml) {
    return RepositoryFiles.documents(yaml).stream()
        .map(document -> apply(client, document))
        .toList();
  }
}
