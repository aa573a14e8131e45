package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.workload.GroupKind;
import dev.failover.core.workload.TenancyRule;
import dev.failover.operator.clusters.ManagedObjectCache;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a policy's workload into one data center, scales it, removes it and looks at it, through
 * that data center's client. It decides nothing: the state machine says what to do.
 *
 * <p>It touches only what is the policy's: an object already there that does not carry the policy's
 * labels belongs to someone else, so it is neither applied over (unless the policy adopts), nor
 * scaled, nor deleted, nor counted as the workload. Before an apply, the data center's discovery
 * says whether each kind is served and cluster-scoped, and the tenancy rule judges it again.
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
  private final TenancyRule tenancy;
  private final BeforePlacement beforePlacement;
  private final Optional<ManagedObjectCache> cache;

  public WorkloadApplier(KubernetesClient client, TenancyRule tenancy) {
    this(client, tenancy, BeforePlacement.NOTHING, Optional.empty());
  }

  /**
   * @param cache the data center's watched copies of the operator's objects, read instead of
   *     sending a GET for each where it can vouch for them
   */
  public WorkloadApplier(
      KubernetesClient client,
      TenancyRule tenancy,
      BeforePlacement beforePlacement,
      Optional<ManagedObjectCache> cache) {
    this.client = client;
    this.tenancy = tenancy;
    this.beforePlacement = beforePlacement;
    this.cache = cache;
  }

  /** Creates the policy's namespace if missing, then applies every object at the mode's size. */
  public void ensure(FailoverPolicy policy, ReplicasMode mode) {
    List<GenericKubernetesResource> objects =
        beforePlacement.render(policy, placeable(policy, mode));
    boolean adopt = Boolean.TRUE.equals(policy.getSpec().getWorkload().getAdopt());
    for (GenericKubernetesResource object : objects) {
      GenericKubernetesResource current = readAny(object).orElse(null);
      if (current != null && !adopt && !PolicyLabels.isOwnedBy(current, policy)) {
        throw new WorkloadRefused(
            shown(object)
                + " already exists and was not created by this policy; set"
                + " spec.workload.adopt: true to take it over, or rename it");
      }
    }
    objects.stream()
        .map(object -> object.getMetadata().getNamespace())
        .filter(Objects::nonNull)
        .distinct()
        .forEach(this::createNamespaceIfMissing);
    beforePlacement.prepare(policy, client);
    objects.forEach(object -> ServerSideApply.apply(client, object));
  }

  /**
   * Scales the policy's Deployments and StatefulSets that exist to zero. Never creates anything: a
   * fence must not plant a workload in a data center that has none.
   */
  public void fence(FailoverPolicy policy) {
    for (GenericKubernetesResource object : scalableObjects(policy)) {
      if (!isOurs(object, policy)) {
        continue;
      }
      try {
        client.resource(object).patch(SCALE_ONLY_IF_PRESENT, ZERO_REPLICAS);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
      }
    }
  }

  /** Deletes the policy's objects. Its namespace stays: it may hold other things. */
  public void remove(FailoverPolicy policy) {
    remove(policy, WorkloadManifests.identities(policy));
  }

  /** Deletes those of the objects that are the policy's; others, and missing ones, are left. */
  public void remove(FailoverPolicy policy, List<GenericKubernetesResource> objects) {
    for (GenericKubernetesResource object : objects) {
      if (isOurs(object, policy)) {
        client.resource(object).delete();
      }
    }
  }

  /** What the data center holds of the workload now; another manager's object counts as absent. */
  public WorkloadObservation observe(FailoverPolicy policy) {
    List<Optional<GenericKubernetesResource>> found =
        WorkloadManifests.identities(policy).stream()
            .map(this::readManaged)
            .map(copy -> copy.filter(present -> PolicyLabels.isOwnedBy(present, policy)))
            .toList();
    return WorkloadReadiness.observe(found, CriticalOnlyPosture.heldAtZero(policy));
  }

  /**
   * Whether a change made to any of the policy's objects there, by anyone, is seen as it happens
   * (see {@link ManagedObjectCache}); otherwise only a read finds it.
   */
  public boolean watchesChangesOf(FailoverPolicy policy) {
    return cache
        .map(
            watching ->
                WorkloadManifests.identities(policy).stream()
                    .allMatch(
                        object ->
                            watching.watches(
                                object.getApiVersion(),
                                object.getKind(),
                                object.getMetadata().getNamespace())))
        .orElse(false);
  }

  /**
   * The data center's copy of the object if the operator manages it (another's counts as absent):
   * from the cache where it vouches for it, else a GET.
   */
  private Optional<GenericKubernetesResource> readManaged(GenericKubernetesResource object) {
    return cached(object).orElseGet(() -> get(object));
  }

  /** The data center's copy, whoever made it: the cache holds only the operator's objects. */
  private Optional<GenericKubernetesResource> readAny(GenericKubernetesResource object) {
    return cached(object).flatMap(found -> found).or(() -> get(object));
  }

  private Optional<Optional<GenericKubernetesResource>> cached(GenericKubernetesResource object) {
    return cache.flatMap(
        watching ->
            watching.find(
                object.getApiVersion(),
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName()));
  }

  private Optional<GenericKubernetesResource> get(GenericKubernetesResource object) {
    return Optional.ofNullable(client.resource(object).get());
  }

  /**
   * The objects to apply, each checked against the data center's discovery: a kind it does not
   * serve, or a cluster-scoped kind the tenancy rule refuses, stops the apply before anything is
   * sent. An allowed cluster-scoped object loses the namespace it was given.
   */
  private List<GenericKubernetesResource> placeable(FailoverPolicy policy, ReplicasMode mode) {
    Map<String, APIResourceList> discovery = new HashMap<>();
    List<GenericKubernetesResource> objects = WorkloadManifests.desired(policy, mode);
    for (int position = 0; position < objects.size(); position++) {
      GenericKubernetesResource object = objects.get(position);
      APIResource resource =
          served(discovery, object)
              .orElseThrow(
                  () ->
                      new WorkloadRefused(
                          shown(object)
                              + ": the data center does not serve kind "
                              + object.getKind()
                              + " in "
                              + object.getApiVersion()
                              + " (is its CRD installed there?)"));
      boolean clusterScoped = !Boolean.TRUE.equals(resource.getNamespaced());
      var declared =
          WorkloadDeclarations.declared(
              position, policy.getSpec().getWorkload().getManifests().get(position));
      tenancy
          .violation(policy.getMetadata().getNamespace(), declared, kind -> clusterScoped)
          .ifPresent(
              violation -> {
                throw new WorkloadRefused(violation);
              });
      if (clusterScoped) {
        object.getMetadata().setNamespace(null);
      }
    }
    return objects;
  }

  private Optional<APIResource> served(
      Map<String, APIResourceList> discovery, GenericKubernetesResource object) {
    APIResourceList list =
        discovery.computeIfAbsent(object.getApiVersion(), this::apiResourcesOrEmpty);
    return list.getResources().stream()
        .filter(resource -> !resource.getName().contains("/"))
        .filter(resource -> object.getKind().equals(resource.getKind()))
        .findFirst();
  }

  private APIResourceList apiResourcesOrEmpty(String apiVersion) {
    try {
      APIResourceList list = client.getApiResources(apiVersion);
      return list == null ? new APIResourceList() : list;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return new APIResourceList();
      }
      throw e;
    }
  }

  /**
   * True when the object exists and carries the policy's labels (read as {@link #observe} does).
   */
  private boolean isOurs(GenericKubernetesResource object, FailoverPolicy policy) {
    return readManaged(object)
        .filter(current -> PolicyLabels.isOwnedBy(current, policy))
        .isPresent();
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
    return WorkloadManifests.identities(policy).stream()
        .filter(WorkloadManifests::isScalable)
        .toList();
  }

  private static String shown(GenericKubernetesResource object) {
    return GroupKind.of(object.getApiVersion(), object.getKind())
        + " "
        + (object.getMetadata().getNamespace() == null
            ? ""
            : object.getMetadata().getNamespace() + "/")
        + object.getMetadata().getName();
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
