package dev.failover.operator.chaos;

import dev.failover.core.failover.WorkloadObservation;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import dev.failover.operator.failoverpolicy.WorkloadManifests;
import dev.failover.operator.failoverpolicy.WorkloadReadiness;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/**
 * Puts a test copy ({@link TestCopy}) into a data center's test namespace, scales it to zero and
 * looks at it, as the operator does the policy's workload in production: server-side apply with the
 * operator's field manager, so a re-apply restores what a fault took away.
 */
final class TestCopyApplier {
  private static final PatchContext MERGE =
      new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE)
          .withFieldManager(ServerSideApply.FIELD_MANAGER)
          .build();

  static final String ZERO_REPLICAS = "{\"spec\":{\"replicas\":0}}";

  private TestCopyApplier() {}

  static void apply(KubernetesClient client, List<GenericKubernetesResource> copy) {
    copy.forEach(object -> ServerSideApply.apply(client, object));
  }

  /** Whether every object is there and the Deployments and StatefulSets are Available. */
  static WorkloadObservation observe(
      KubernetesClient client, List<GenericKubernetesResource> copy) {
    return WorkloadReadiness.observe(
        copy.stream().map(object -> Optional.ofNullable(client.resource(object).get())).toList());
  }

  /** Scales the copy's workloads that exist to zero; creates nothing. */
  static void scaleToZero(KubernetesClient client, List<GenericKubernetesResource> copy) {
    copy.stream()
        .filter(WorkloadManifests::isScalable)
        .forEach(object -> scaleToZero(client, object));
  }

  static void scaleToZero(KubernetesClient client, GenericKubernetesResource object) {
    try {
      client.resource(object).patch(MERGE, ZERO_REPLICAS);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }
}
