package dev.failover.operator.clusters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Passes each {@link ManagedObjectChange} on to whoever subscribed. The caches are made with the
 * connections, before the parts that act on a change exist; they subscribe here once built.
 */
public final class ManagedObjectChanges implements Consumer<ManagedObjectChange> {
  private final List<Consumer<ManagedObjectChange>> subscribers = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<ManagedObjectChange> subscriber) {
    subscribers.add(subscriber);
  }

  @Override
  public void accept(ManagedObjectChange change) {
    subscribers.forEach(subscriber -> subscriber.accept(change));
  }
}
