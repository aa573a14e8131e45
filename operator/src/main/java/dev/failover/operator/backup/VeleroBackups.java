package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Velero {@code Backup} beside each backup, where the data center serves {@code velero.io/v1}:
 * Velero then also saves the volumes' data, which the operator's own backup does not hold. It
 * selects the policy's namespace and the policy's labels, and lives in Velero's namespace, where
 * Velero's server reads it. Where the API is not served nothing is created, and that is no error.
 */
public final class VeleroBackups {
  static final String API_VERSION = "velero.io/v1";

  private final String veleroNamespace;

  public VeleroBackups(String veleroNamespace) {
    this.veleroNamespace = veleroNamespace;
  }

  /**
   * @return the created Backup's name; empty where the data center does not serve Velero's API
   */
  Optional<String> create(KubernetesClient dataCenter, FailoverPolicy policy, String name) {
    if (!served(dataCenter)) {
      return Optional.empty();
    }
    String namespace = policy.getMetadata().getNamespace();
    GenericKubernetesResource backup =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(API_VERSION)
            .withKind("Backup")
            .withNewMetadata()
            .withName(name)
            .withNamespace(veleroNamespace)
            .withLabels(PolicyLabels.of(policy))
            .endMetadata()
            .addToAdditionalProperties(
                "spec",
                Map.of(
                    "includedNamespaces",
                    List.of(namespace),
                    "labelSelector",
                    Map.of(
                        "matchLabels",
                        Map.of(
                            PolicyLabels.NAMESPACE,
                            namespace,
                            PolicyLabels.NAME,
                            PolicyLabels.labelValue(policy.getMetadata().getName())))))
            .build();
    ServerSideApply.apply(dataCenter, backup);
    return Optional.of(name);
  }

  private static boolean served(KubernetesClient dataCenter) {
    try {
      APIResourceList resources = dataCenter.getApiResources(API_VERSION);
      return resources != null
          && resources.getResources() != null
          && resources.getResources().stream().anyMatch(r -> "backups".equals(r.getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
