package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;

/**
 * The NotificationChannels of a namespace, as the outbox reads them for each moment. The running
 * operator reads them from a watch of the hub's channels: listing them per moment was a quarter of
 * the hub's requests in a failover storm, where every policy tells of two or three moments. While
 * the watch has not synced yet, or is reconnecting, the channels are listed as before, so a stale
 * cache never hides a channel; a new channel counts from the moment the watch delivers it, a
 * fraction of a second after it is created.
 */
public final class ChannelDirectory implements AutoCloseable {
  private final KubernetesClient hub;
  private final SharedIndexInformer<NotificationChannel> watch;

  ChannelDirectory(KubernetesClient hub, SharedIndexInformer<NotificationChannel> watch) {
    this.hub = hub;
    this.watch = watch;
  }

  /** Lists the channels at each moment: for callers that publish rarely, such as tests. */
  public static ChannelDirectory listed(KubernetesClient hub) {
    return new ChannelDirectory(hub, null);
  }

  /** Watches every namespace's channels; {@link #close()} stops the watch. */
  public static ChannelDirectory watched(KubernetesClient hub) {
    SharedIndexInformer<NotificationChannel> watch =
        hub.resources(NotificationChannel.class).inAnyNamespace().runnableInformer(0);
    watch.start();
    return new ChannelDirectory(hub, watch);
  }

  /** The namespace's channels, subscribed or not. */
  List<NotificationChannel> in(String namespace) {
    if (watch != null && watch.hasSynced() && watch.isWatching()) {
      return watch.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }
    return hub.resources(NotificationChannel.class).inNamespace(namespace).list().getItems();
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
  }
}
