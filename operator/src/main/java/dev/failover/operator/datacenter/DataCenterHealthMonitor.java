package dev.failover.operator.datacenter;

import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthClassifier;
import dev.failover.core.health.HealthState;
import dev.failover.operator.clusters.ApiServerProbe;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every watched data center on its own schedule and classifies the results. It holds the
 * live health of each data center in memory and says when one changed; the DataCenter reconciler
 * turns that into status. A probe still in flight when the next one is due is not doubled up.
 */
public final class DataCenterHealthMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DataCenterHealthMonitor.class);

  private final ApiServerProbe probe;
  private final Clock clock;
  private final Consumer<String> onChange;
  private final ProbeListener onProbe;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          1,
          runnable -> {
            Thread thread = new Thread(runnable, "datacenter-probes");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  /**
   * @param onChange called with a data center's name when its phase or failure count changed
   * @param onProbe called with every probe result, for metrics
   */
  public DataCenterHealthMonitor(
      ApiServerProbe probe, Clock clock, Consumer<String> onChange, ProbeListener onProbe) {
    this.probe = probe;
    this.clock = clock;
    this.onChange = onChange;
    this.onProbe = onProbe;
  }

  /**
   * Probes the data center with these settings from now on. Unchanged settings keep the schedule;
   * the health state carries over either way, and {@code seed} is used only the first time.
   */
  public void watch(
      String dataCenter,
      KubernetesClient client,
      ProbeSettings settings,
      Optional<Exclusion> exclusion,
      HealthState seed) {
    watches.compute(
        dataCenter,
        (name, current) -> {
          if (current != null && current.settings.equals(settings) && current.client == client) {
            current.exclusion.set(exclusion);
            return current;
          }
          HealthState start = current == null ? seed : current.state.get();
          if (current != null) {
            current.task.cancel(false);
          }
          Watch watch = new Watch(client, settings, start, exclusion);
          // Fixed delay, not fixed rate: after a stall, missed runs must not fire back to back,
          // or three quick refusals would count as a blackout long before three intervals.
          watch.task =
              scheduler.scheduleWithFixedDelay(
                  () -> probeOnce(name, watch),
                  0,
                  settings.interval().toMillis(),
                  TimeUnit.MILLISECONDS);
          return watch;
        });
  }

  public void unwatch(String dataCenter) {
    Watch removed = watches.remove(dataCenter);
    if (removed != null) {
      removed.task.cancel(false);
    }
  }

  public Optional<HealthState> state(String dataCenter) {
    return Optional.ofNullable(watches.get(dataCenter)).map(watch -> watch.state.get());
  }

  private void probeOnce(String dataCenter, Watch watch) {
    tick(dataCenter, watch);
    if (!watch.inFlight.compareAndSet(false, true)) {
      return;
    }
    probe
        .probe(watch.client, watch.settings.timeout())
        .whenComplete(
            (result, failure) -> {
              watch.inFlight.set(false);
              if (result != null) {
                HealthState health =
                    update(
                        dataCenter,
                        watch,
                        state ->
                            watch.classifier.onProbe(
                                state, result, watch.exclusion.get(), clock.instant()));
                onProbe.probed(dataCenter, result, health);
              } else {
                log.warn("probe of {} failed unexpectedly", dataCenter, failure);
              }
            });
  }

  /** Exclusion windows and probation end with time, not only with probes. */
  private void tick(String dataCenter, Watch watch) {
    update(
        dataCenter,
        watch,
        state -> watch.classifier.onTick(state, watch.exclusion.get(), clock.instant()));
  }

  private HealthState update(
      String dataCenter, Watch watch, java.util.function.UnaryOperator<HealthState> step) {
    HealthState before = watch.state.get();
    HealthState after = watch.state.updateAndGet(step);
    if (before.phase() != after.phase()
        || before.consecutiveFailures() != after.consecutiveFailures()) {
      if (before.phase() != after.phase()) {
        log.info(
            "data center {}: {} -> {} ({})",
            dataCenter,
            before.phase(),
            after.phase(),
            after.reason());
      }
      onChange.accept(dataCenter);
    }
    return after;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private static final class Watch {
    private final KubernetesClient client;
    private final ProbeSettings settings;
    private final HealthClassifier classifier;
    private final AtomicReference<HealthState> state;
    private final AtomicReference<Optional<Exclusion>> exclusion;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;

    private Watch(
        KubernetesClient client,
        ProbeSettings settings,
        HealthState start,
        Optional<Exclusion> exclusion) {
      this.client = Objects.requireNonNull(client);
      this.settings = settings;
      this.classifier = new HealthClassifier(settings.thresholds());
      this.state = new AtomicReference<>(start);
      this.exclusion = new AtomicReference<>(exclusion);
    }
  }
}
