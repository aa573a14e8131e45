package dev.failover.operator.datacenter;

import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.operator.clusters.ClusterCapacityReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every watched data center's capacity on its own schedule, on its own thread, and holds
 * the latest measurement of each in memory; the DataCenter reconciler puts it into status. When a
 * data center cannot be listed the last measurement stays, with its time, so it goes stale rather
 * than wrong. A measurement still in flight when the next is due is not doubled up.
 */
public final class DataCenterCapacityMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DataCenterCapacityMonitor.class);

  /**
   * How often each data center's nodes and pods are listed, unless {@code
   * FAILOVER_CAPACITY_INTERVAL} says otherwise.
   */
  public static final Duration INTERVAL = Duration.ofSeconds(15);

  /** A measurement older than three intervals says nothing about now. */
  public static final Duration MAX_AGE = INTERVAL.multipliedBy(3);

  /** Short: a data center that takes longer to list its nodes and pods is not measured. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ClusterCapacityReader reader;
  private final Duration interval;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "datacenter-capacity");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  public DataCenterCapacityMonitor(
      ClusterCapacityReader reader, Duration interval, Duration timeout) {
    this.reader = reader;
    this.interval = interval;
    this.timeout = timeout;
  }

  /**
   * Measures the data center through this client from now on. The same client keeps the schedule; a
   * new one (a changed kubeconfig, fresh connections) restarts it and keeps the last measurement.
   */
  public void watch(String dataCenter, KubernetesClient client) {
    watches.compute(
        dataCenter,
        (name, current) -> {
          if (current != null && current.client == client) {
            return current;
          }
          Watch watch = new Watch(client);
          if (current != null) {
            current.task.cancel(false);
            watch.latest.set(current.latest.get());
          }
          watch.task =
              scheduler.scheduleWithFixedDelay(
                  () -> measureOnce(name, watch), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
          return watch;
        });
  }

  public void unwatch(String dataCenter) {
    Watch removed = watches.remove(dataCenter);
    if (removed != null) {
      removed.task.cancel(false);
    }
  }

  /** How often each data center is measured. */
  public Duration interval() {
    return interval;
  }

  /** The latest measurement; empty until the first one succeeds. */
  public Optional<CapacitySnapshot> latest(String dataCenter) {
    return Optional.ofNullable(watches.get(dataCenter)).map(watch -> watch.latest.get());
  }

  private void measureOnce(String dataCenter, Watch watch) {
    if (!watch.inFlight.compareAndSet(false, true)) {
      return;
    }
    long started = System.nanoTime();
    CompletableFuture<CapacitySnapshot> reading;
    try {
      reading = reader.read(watch.client, timeout);
    } catch (RuntimeException e) {
      // Thrown out of a scheduled task, it would end the schedule for good.
      reading = CompletableFuture.failedFuture(e);
    }
    reading.whenComplete(
        (snapshot, failure) -> {
          watch.inFlight.set(false);
          long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
          if (snapshot != null) {
            watch.latest.set(snapshot);
            if (watch.failing.getAndSet(false)) {
              log.info("data center {}: capacity measured again", dataCenter);
            }
            log.debug(
                "data center {}: {} ready nodes, allocatable {}, requested {} ({} ms)",
                dataCenter,
                snapshot.readyNodes(),
                snapshot.allocatable(),
                snapshot.requested(),
                millis);
          } else if (!watch.failing.getAndSet(true)) {
            // Once per failure streak: an unreachable data center would say it every interval.
            log.warn(
                "data center {}: cannot measure capacity, keeping the last measurement: {}",
                dataCenter,
                failure.toString());
          }
        });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private static final class Watch {
    private final KubernetesClient client;
    private final AtomicReference<CapacitySnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private ScheduledFuture<?> task;

    private Watch(KubernetesClient client) {
      this.client = Objects.requireNonNull(client);
    }
  }
}
