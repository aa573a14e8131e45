package dev.failover.api;

import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.ServerSideApply;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The shared testbed's hub with the generated CRDs installed. Installing is idempotent (server-side
 * apply), so every test class may ask for it.
 */
public final class HubApi {
  private HubApi() {}

  public static KubernetesClient installed(Testbed testbed) {
    KubernetesClient client = testbed.dataCenter("hub").client();
    FailoverCrds.installInto(client);
    for (String namespace : List.of("failover-system", "shop")) {
      ServerSideApply.namespace(client, namespace);
    }
    return client;
  }

  static GenericKubernetesResource apply(
      KubernetesClient client, GenericKubernetesResource object) {
    return ServerSideApply.apply(client, object);
  }
}
