package dev.failover.operator.failoverpolicy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Server-side apply as the operator. One fixed field manager, so the API server tracks which fields
 * the operator owns and a repeated apply of the same content writes nothing. Forced, because the
 * operator's copy is the truth: a field someone changed by hand is taken back, not a conflict.
 */
public final class ServerSideApply {
  public static final String FIELD_MANAGER = "failover-operator";

  private ServerSideApply() {}

  public static <T extends HasMetadata> T apply(KubernetesClient client, T object) {
    return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
