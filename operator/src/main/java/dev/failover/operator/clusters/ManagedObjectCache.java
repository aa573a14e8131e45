package dev.failover.operator.clusters;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one data center holds of the operator's own objects, kept by watches instead of read by a
 * GET per object on every reconcile: with a thousand policies those GETs were most of the
 * operator's traffic. One informer per kind and namespace, started when first asked for, and
 * selecting only objects labelled as managed by the operator. Until an informer has listed and is
 * watching, or where the data center refuses the list or watch (a member RBAC without those verbs),
 * {@link #find} answers empty and the caller reads the object itself: the cache only ever saves
 * requests, it never decides from a view it cannot vouch for.
 *
 * <p>The cache belongs to one client: a new client (a rotated kubeconfig, or fresh connections
 * after a blackout) gets a new cache, which lists everything again.
 */
public final class ManagedObjectCache implements AutoCloseable {
  /** Makes the cache of a data center's client. */
  @FunctionalInterface
  public interface Factory {
    ManagedObjectCache create(String dataCenter, KubernetesClient client);
  }

  private static final Logger log = LoggerFactory.getLogger(ManagedObjectCache.class);

  /**
   * The kinds cached, all namespaced (a cluster-scoped kind would be keyed without its namespace):
   * the workload kinds of the member chart. Any other kind is read object by object.
   */
  static final Set<String> KINDS =
      Set.of(
          "apps/Deployment",
          "apps/StatefulSet",
          "/Service",
          "/ConfigMap",
          "/ServiceAccount",
          "/PersistentVolumeClaim",
          "networking.k8s.io/Ingress",
          "policy/PodDisruptionBudget",
          "autoscaling/HorizontalPodAutoscaler");

  /** A kind the data center would not let the operator watch is asked again after this. */
  static final Duration REFUSED_FOR = Duration.ofMinutes(5);

  private final String dataCenter;
  private final KubernetesClient client;
  private final String managedByLabel;
  private final String managedByValue;
  private final Consumer<ManagedObjectChange> changes;
  private final Clock clock;
  private final Map<Key, Watched> watched = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ManagedObjectCache(
      String dataCenter,
      KubernetesClient client,
      String managedByLabel,
      String managedByValue,
      Consumer<ManagedObjectChange> changes,
      Clock clock) {
    this.dataCenter = dataCenter;
    this.client = client;
    this.managedByLabel = managedByLabel;
    this.managedByValue = managedByValue;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * The data center's copy of the object as last watched, if it carries the operator's label:
   * present, or known to be absent among the operator's objects (an object someone else made is not
   * seen here). Empty when the cache cannot vouch for it (a kind it does not cache, an informer not
   * yet in sync, a watch that is down, or a list the data center refused); then the caller must
   * read the object itself.
   */
  public Optional<Optional<GenericKubernetesResource>> find(
      String apiVersion, String kind, String namespace, String name) {
    if (!cacheable(apiVersion, kind, namespace)) {
      return Optional.empty();
    }
    Watched entry = watched(new Key(apiVersion, kind, namespace));
    if (!entry.live()) {
      return Optional.empty();
    }
    return Optional.of(
        Optional.ofNullable(
            entry.informer().getStore().getByKey(Cache.namespaceKeyFunc(namespace, name))));
  }

  /** Whether the cache vouches for this kind in this namespace now. */
  public boolean watches(String apiVersion, String kind, String namespace) {
    return cacheable(apiVersion, kind, namespace)
        && watched(new Key(apiVersion, kind, namespace)).live();
  }

  private boolean cacheable(String apiVersion, String kind, String namespace) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return namespace != null && !closed && KINDS.contains(group + "/" + kind);
  }

  private Watched watched(Key key) {
    Watched current = watched.get(key);
    if (current != null && !current.refusedAndDue(clock.instant())) {
      return current;
    }
    synchronized (watched) {
      current = watched.get(key);
      if (current == null || current.refusedAndDue(clock.instant())) {
        current = start(key);
        watched.put(key, current);
      }
      return current;
    }
  }

  private Watched start(Key key) {
    if (closed) {
      return Watched.refused(clock.instant());
    }
    try {
      SharedIndexInformer<GenericKubernetesResource> informer =
          client
              .genericKubernetesResources(key.apiVersion(), key.kind())
              .inNamespace(key.namespace())
              .withLabel(managedByLabel, managedByValue)
              .runnableInformer(0);
      informer.itemStore(new TrimmedCopies());
      // Retries the watch once the first list has succeeded; a refused first list stops here.
      informer.exceptionHandler((started, failure) -> started);
      informer.addEventHandler(new Relay());
      Watched entry = new Watched(informer, null);
      informer
          .start()
          .whenComplete(
              (ignored, failure) -> {
                if (failure != null) {
                  refused(key, failure);
                  watched.replace(key, entry, Watched.refused(clock.instant()));
                  informer.stop();
                }
              });
      return entry;
    } catch (RuntimeException e) {
      refused(key, e);
      return Watched.refused(clock.instant());
    }
  }

  private void refused(Key key, Throwable failure) {
    log.info(
        "not watching {} {} in {} of {} ({}); reading each object instead",
        key.apiVersion(),
        key.kind(),
        key.namespace(),
        dataCenter,
        failure.getMessage());
  }

  @Override
  public void close() {
    closed = true;
    watched.values().stream()
        .map(Watched::informer)
        .filter(Objects::nonNull)
        .forEach(SharedIndexInformer::stop);
    watched.clear();
  }

  private record Key(String apiVersion, String kind, String namespace) {}

  /** An informer, or the moment the data center refused one. */
  private record Watched(
      SharedIndexInformer<GenericKubernetesResource> informer, Instant refusedAt) {
    static Watched refused(Instant at) {
      return new Watched(null, at);
    }

    boolean live() {
      return informer != null
          && informer.isRunning()
          && informer.hasSynced()
          && informer.isWatching();
    }

    boolean refusedAndDue(Instant now) {
      return refusedAt != null && !refusedAt.plus(REFUSED_FOR).isAfter(now);
    }
  }

  /** Tells of changes a policy must look at: an edit or a deletion, or a change of readiness. */
  private final class Relay implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource object) {
      // The first list adds everything: nothing to act on.
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      ManagedObjectChange.updated(dataCenter, before, after).ifPresent(changes);
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      ManagedObjectChange.deleted(dataCenter, object).ifPresent(changes);
    }
  }
}
