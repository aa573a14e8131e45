package dev.failover.operator.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per member data center, built from the kubeconfig in its Secret and rebuilt only when
 * that kubeconfig changes. A new client is built first and swapped in only once built: a rotation
 * to a kubeconfig that cannot be used keeps the working client. The DataCenter reconciler keeps the
 * map current (one reconcile per data center at a time); everything else only reads.
 */
public final class DataCenterConnections implements AutoCloseable {
  private final DataCenterClientFactory factory;
  private final Optional<ManagedObjectCache.Factory> caches;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  /** Without caches: every read of the operator's objects goes to the data center. */
  public DataCenterConnections(DataCenterClientFactory factory) {
    this.factory = factory;
    this.caches = Optional.empty();
  }

  /** Each client gets a cache of the operator's objects in its data center. */
  public DataCenterConnections(DataCenterClientFactory factory, ManagedObjectCache.Factory caches) {
    this.factory = factory;
    this.caches = Optional.of(caches);
  }

  /** The client for the data center, if a usable kubeconfig has been read. */
  public Optional<KubernetesClient> client(String dataCenter) {
    return Optional.ofNullable(connections.get(dataCenter)).map(Connection::client);
  }

  /** The cache of the operator's objects there, when the data center is connected and cached. */
  public Optional<ManagedObjectCache> cache(String dataCenter) {
    return Optional.ofNullable(connections.get(dataCenter)).flatMap(Connection::cache);
  }

  /**
   * Uses this kubeconfig for the data center from now on; a no-op when it is unchanged.
   *
   * @throws UnusableKubeconfigException when no client can be built from it; the client in use, if
   *     any, stays
   */
  public KubernetesClient connect(String dataCenter, String kubeconfig) {
    Connection current = connections.get(dataCenter);
    if (current != null && current.kubeconfig().equals(kubeconfig)) {
      return current.client();
    }
    Connection fresh = connection(dataCenter, kubeconfig);
    Connection replaced = connections.put(dataCenter, fresh);
    if (replaced != null && replaced != fresh) {
      replaced.close();
    }
    return fresh.client();
  }

  /**
   * A fresh client for the data center from the kubeconfig it already has: connections pooled
   * before a blackout are dead, and using them would fail probes and actions after the return.
   */
  public Optional<KubernetesClient> reconnect(String dataCenter) {
    Connection current = connections.get(dataCenter);
    if (current == null) {
      return Optional.empty();
    }
    Connection fresh = connection(dataCenter, current.kubeconfig());
    connections.put(dataCenter, fresh);
    current.close();
    return Optional.of(fresh.client());
  }

  public void disconnect(String dataCenter) {
    Connection removed = connections.remove(dataCenter);
    if (removed != null) {
      removed.close();
    }
  }

  @Override
  public void close() {
    connections.keySet().forEach(this::disconnect);
  }

  private Connection connection(String dataCenter, String kubeconfig) {
    KubernetesClient client = factory.fromKubeconfig(kubeconfig);
    return new Connection(kubeconfig, client, caches.map(c -> c.create(dataCenter, client)));
  }

  /** A client and the cache built on it: they are replaced, and closed, together. */
  private record Connection(
      String kubeconfig, KubernetesClient client, Optional<ManagedObjectCache> cache) {
    void close() {
      cache.ifPresent(ManagedObjectCache::close);
      client.close();
    }
  }
}
