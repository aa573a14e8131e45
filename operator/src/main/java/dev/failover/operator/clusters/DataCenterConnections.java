package dev.failover.operator.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per member data center, built from the kubeconfig in its Secret and rebuilt only when
 * that kubeconfig changes. The DataCenter reconciler keeps it current; everything else only reads.
 */
public final class DataCenterConnections implements AutoCloseable {
  private final DataCenterClientFactory factory;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  public DataCenterConnections(DataCenterClientFactory factory) {
    this.factory = factory;
  }

  /** The client for the data center, if its kubeconfig has been read. */
  public Optional<KubernetesClient> client(String dataCenter) {
    return Optional.ofNullable(connections.get(dataCenter)).map(Connection::client);
  }

  /** Uses this kubeconfig for the data center from now on; a no-op when it is unchanged. */
  public KubernetesClient connect(String dataCenter, String kubeconfig) {
    return connections
        .compute(
            dataCenter,
            (name, current) -> {
              if (current != null && current.kubeconfig().equals(kubeconfig)) {
                return current;
              }
              if (current != null) {
                current.client().close();
              }
              return new Connection(kubeconfig, factory.fromKubeconfig(kubeconfig));
            })
        .client();
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
    disconnect(dataCenter);
    return Optional.of(connect(dataCenter, current.kubeconfig()));
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
