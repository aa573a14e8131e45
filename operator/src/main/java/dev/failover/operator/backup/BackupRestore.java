package dev.failover.operator.backup;

import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a backup's objects into a data center, as the operator would have (server-side apply, its
 * field manager), so that the operator, placing the policy there later, owns what it finds. The
 * namespace is created when missing: the restore is meant for an empty data center.
 */
public final class BackupRestore {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient dataCenter;

  public BackupRestore(KubernetesClient dataCenter) {
    this.dataCenter = dataCenter;
  }

  /**
   * @param namespace where the namespaced objects go; null keeps the namespace they were backed up
   *     from
   * @return the objects applied, as {@code Kind/name}, in the backup's order
   */
  public List<String> apply(BackupArchive archive, String namespace) {
    String target = namespace == null ? archive.policyNamespace() : namespace;
    if (dataCenter.namespaces().withName(target).get() == null) {
      dataCenter
          .resource(new NamespaceBuilder().withNewMetadata().withName(target).endMetadata().build())
          .create();
    }
    List<String> applied = new ArrayList<>();
    for (Map<String, Object> object : archive.objects()) {
      GenericKubernetesResource resource =
          SERIALIZATION.convertValue(new LinkedHashMap<>(object), GenericKubernetesResource.class);
      if (resource.getMetadata().getNamespace() != null) {
        resource.getMetadata().setNamespace(target);
      }
      ServerSideApply.apply(dataCenter, resource);
      applied.add(resource.getKind() + "/" + resource.getMetadata().getName());
    }
    return applied;
  }

  /**
   * Waits, at most {@code timeout}, until every Deployment in the namespace is Available.
   *
   * @return the Deployments still not Available when it stopped; empty when all are
   */
  public List<String> awaitAvailable(String namespace, Duration timeout, Clock clock)
      throws InterruptedException {
    Instant end = clock.instant().plus(timeout);
    while (true) {
      List<String> waiting =
          dataCenter.apps().deployments().inNamespace(namespace).list().getItems().stream()
              .filter(deployment -> !available(deployment))
              .map(deployment -> deployment.getMetadata().getName())
              .toList();
      if (waiting.isEmpty() || !clock.instant().isBefore(end)) {
        return waiting;
      }
      Thread.sleep(500);
    }
  }

  private static boolean available(Deployment deployment) {
    return deployment.getStatus() != null
        && deployment.getStatus().getConditions() != null
        && deployment.getStatus().getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
