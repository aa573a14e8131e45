package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDirectoryTest {
  private final KubernetesClient hub = mock(KubernetesClient.class);

  @SuppressWarnings("unchecked")
  private final MixedOperation<
          NotificationChannel,
          KubernetesResourceList<NotificationChannel>,
          Resource<NotificationChannel>>
      channels = mock(MixedOperation.class);

  @SuppressWarnings("unchecked")
  private final NonNamespaceOperation<
          NotificationChannel,
          KubernetesResourceList<NotificationChannel>,
          Resource<NotificationChannel>>
      shop = mock(NonNamespaceOperation.class);

  @SuppressWarnings("unchecked")
  private final KubernetesResourceList<NotificationChannel> shopList =
      mock(KubernetesResourceList.class);

  @SuppressWarnings("unchecked")
  private final Indexer<NotificationChannel> index = mock(Indexer.class);

  @SuppressWarnings("unchecked")
  private final SharedIndexInformer<NotificationChannel> watch = mock(SharedIndexInformer.class);

  private final NotificationChannel listed = channel("listed");
  private final NotificationChannel watched = channel("watched");

  ChannelDirectoryTest() {
    when(hub.resources(NotificationChannel.class)).thenReturn(channels);
    when(channels.inNamespace("shop")).thenReturn(shop);
    when(shop.list()).thenReturn(shopList);
    when(shopList.getItems()).thenReturn(List.of(listed));
    when(watch.getIndexer()).thenReturn(index);
    when(index.byIndex(Cache.NAMESPACE_INDEX, "shop")).thenReturn(List.of(watched));
  }

  @Test
  void aSyncedWatchAnswersWithoutAskingTheHub() {
    when(watch.hasSynced()).thenReturn(true);
    when(watch.isWatching()).thenReturn(true);

    assertThat(new ChannelDirectory(hub, watch).in("shop")).containsExactly(watched);
    verify(hub.resources(NotificationChannel.class).inNamespace("shop").list(), never()).getItems();
  }

  @Test
  void aWatchNotSyncedYetListsTheChannels() {
    when(watch.hasSynced()).thenReturn(false);
    when(watch.isWatching()).thenReturn(true);

    assertThat(new ChannelDirectory(hub, watch).in("shop")).containsExactly(listed);
  }

  @Test
  void aWatchReconnectingListsTheChannels() {
    when(watch.hasSynced()).thenReturn(true);
    when(watch.isWatching()).thenReturn(false);

    assertThat(new ChannelDirectory(hub, watch).in("shop")).containsExactly(listed);
  }

  @Test
  void withoutAWatchTheChannelsAreListed() {
    assertThat(ChannelDirectory.listed(hub).in("shop")).containsExactly(listed);
  }

  private static NotificationChannel channel(String name) {
    NotificationChannel channel = new NotificationChannel();
    channel.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
    return channel;
  }
}
