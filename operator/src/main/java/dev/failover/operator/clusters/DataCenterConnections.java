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
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  public DataCenterConnections(DataCenterClientFactory factory) {
    this.factory = factory;
  }

  /** The client for the data center, if a usable kubeconfig has been read. */
  public Optional<KubernetesClient> client(String dataCenter) {
    return Optional.ofNullable(connections.get(dataCenter)).map(Connection::client);
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
    Connection fresh = new Connection(kubeconfig, factory.fromKubeconfig(kubeconfig));
    Connection replaced = connections.put(dataCenter, fresh);
    if (replaced != null && replaced != fresh) {
      replaced.client().close();
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
    Connection fresh =
        new Connection(current.kubeconfig(), factory.fromKubeconfig(current.kubeconfig()));
    connections.put(dataCenter, fresh);
    current.client().close();
    return Optional.of(fresh.client());
  }

  public void disconnect(String dataCenter) {
    Connection removed = connections.remove(dataCenter);
    if (removed != null) {
      removed.client().close();
    }
  }

  @Override
  public void close() {
    connections.keySet().forEach(this::disconnect);
  }

  private record Connection(String kubeconfig, KubernetesClient client) {}
}
