package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.failover.WorkloadObservation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/**
 * Puts a policy's workload into one data center, scales it, removes it and looks at it, through
 * that data center's client. It decides nothing: the state machine says what to do.
 *
 * <p>Every operation is idempotent. Nothing waits: each call costs a few requests, each bounded by
 * the client's request timeout, and any failure propagates, because the caller treats a data center
 * it cannot act on as unreachable.
 */
public final class WorkloadApplier {
  /** A merge patch, unlike an apply, fails on a missing object instead of creating it. */
  private static final PatchContext SCALE_ONLY_IF_PRESENT =
      new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE)
          .withFieldManager(ServerSideApply.FIELD_MANAGER)
          .build();

  private static final String ZERO_REPLICAS = "{\"spec\":{\"replicas\":0}}";

  private final KubernetesClient client;

  public WorkloadApplier(KubernetesClient client) {
    this.client = client;
  }

  /** Creates the workload's namespaces if missing, then applies every object at the mode's size. */
  public void ensure(FailoverPolicy policy, ReplicasMode mode) {
    List<GenericKubernetesResource> objects = WorkloadManifests.desired(policy, mode);
    objects.stream()
        .map(object -> object.getMetadata().getNamespace())
        .distinct()
        .forEach(this::createNamespaceIfMissing);
    objects.forEach(object -> ServerSideApply.apply(client, object));
  }

  /**
   * Scales the workload's Deployments and StatefulSets that exist to zero. Never creates anything:
   * a fence must not plant a workload in a data center that has none.
   */
  public void fence(FailoverPolicy policy) {
    for (GenericKubernetesResource object : scalableObjects(policy)) {
      try {
        client.resource(object).patch(SCALE_ONLY_IF_PRESENT, ZERO_REPLICAS);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
      }
    }
  }

  /** Deletes the workload's objects. Its namespace stays: it may hold other things. */
  public void remove(FailoverPolicy policy) {
    WorkloadManifests.desired(policy, ReplicasMode.ScaledDown)
        .forEach(object -> client.resource(object).delete());
  }

  /** What the data center holds of the workload now. */
  public WorkloadObservation observe(FailoverPolicy policy) {
    List<Optional<GenericKubernetesResource>> found =
        WorkloadManifests.desired(policy, ReplicasMode.Full).stream()
            .map(object -> Optional.ofNullable(client.resource(object).get()))
            .toList();
    return WorkloadReadiness.observe(found);
  }

  /**
   * Created, not applied: the operator needs the namespace but owns none of its fields. (An apply
   * that owns nothing also leaves no managedFields, so the API server writes the namespace again on
   * the next apply to record a "before-first-apply" manager.)
   */
  private void createNamespaceIfMissing(String name) {
    if (client.namespaces().withName(name).get() != null) {
      return;
    }
    try {
      client.resource(namespace(name)).create();
    } catch (KubernetesClientException e) {
      // Conflict: someone created it in between, which is all this wanted.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private static List<GenericKubernetesResource> scalableObjects(FailoverPolicy policy) {
    return WorkloadManifests.desired(policy, ReplicasMode.ScaledDown).stream()
        .filter(WorkloadManifests::isScalable)
        .toList();
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
