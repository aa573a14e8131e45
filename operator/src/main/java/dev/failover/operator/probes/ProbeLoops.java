package dev.failover.operator.probes;

import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthClassifier;
import dev.failover.core.health.HealthState;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes each watched target on its own schedule and classifies the results with the core's {@link
 * HealthClassifier}. It holds the live health of every target in memory and says when one changed.
 * A probe still in flight when the next one is due is not doubled up.
 */
public final class ProbeLoops implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProbeLoops.class);

  private final String name;
  private final Clock clock;
  private final Consumer<String> onChange;
  private final ProbeListener onProbe;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Loop> loops = new ConcurrentHashMap<>();

  /**
   * @param name names the probe thread and the log lines
   * @param onChange called with a key when its phase or failure count changed
   * @param onProbe called with every probe result
   */
  public ProbeLoops(String name, Clock clock, Consumer<String> onChange, ProbeListener onProbe) {
    this.name = name;
    this.clock = clock;
    this.onChange = onChange;
    this.onProbe = onProbe;
    this.scheduler =
        Executors.newScheduledThreadPool(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Probes the target with these settings from now on. The same {@code identity} and settings keep
   * the schedule; the health state carries over either way, and {@code seed} is used only the first
   * time.
   */
  public void watch(
      String key,
      Object identity,
      ProbeTarget target,
      ProbeSettings settings,
      Optional<Exclusion> exclusion,
      HealthState seed) {
    loops.compute(
        key,
        (ignored, current) -> {
          if (current != null
              && current.settings.equals(settings)
              && current.identity.equals(identity)) {
            current.exclusion.set(exclusion);
            return current;
          }
          HealthState start = current == null ? seed : current.state.get();
          if (current != null) {
            current.task.cancel(false);
          }
          Loop loop = new Loop(identity, target, settings, start, exclusion);
          // Fixed delay, not fixed rate: after a stall, missed runs must not fire back to back,
          // or three quick refusals would count as a blackout long before three intervals.
          loop.task =
              scheduler.scheduleWithFixedDelay(
                  () -> probeOnce(key, loop),
                  0,
                  settings.interval().toMillis(),
                  TimeUnit.MILLISECONDS);
          return loop;
        });
  }

  public void unwatch(String key) {
    Loop removed = loops.remove(key);
    if (removed != null) {
      removed.task.cancel(false);
    }
  }

  public Optional<HealthState> state(String key) {
    return Optional.ofNullable(loops.get(key)).map(loop -> loop.state.get());
  }

  public Set<String> keys() {
    return Set.copyOf(loops.keySet());
  }

  private void probeOnce(String key, Loop loop) {
    tick(key, loop);
    if (!loop.inFlight.compareAndSet(false, true)) {
      return;
    }
    loop.target
        .probe(loop.settings.timeout())
        .whenComplete(
            (result, failure) -> {
              loop.inFlight.set(false);
              if (result != null) {
                HealthState health =
                    update(
                        key,
                        loop,
                        state ->
                            loop.classifier.onProbe(
                                state, result, loop.exclusion.get(), clock.instant()));
                onProbe.probed(key, result, health);
              } else {
                log.warn("{}: probe of {} failed unexpectedly", name, key, failure);
              }
            });
  }

  /** Exclusion windows and probation end with time, not only with probes. */
  private void tick(String key, Loop loop) {
    update(
        key, loop, state -> loop.classifier.onTick(state, loop.exclusion.get(), clock.instant()));
  }

  private HealthState update(String key, Loop loop, UnaryOperator<HealthState> step) {
    HealthState before = loop.state.get();
    HealthState after = loop.state.updateAndGet(step);
    if (before.phase() != after.phase()
        || before.consecutiveFailures() != after.consecutiveFailures()) {
      if (before.phase() != after.phase()) {
        log.info("{} {}: {} -> {} ({})", name, key, before.phase(), after.phase(), after.reason());
      }
      onChange.accept(key);
    }
    return after;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private static final class Loop {
    private final Object identity;
    private final ProbeTarget target;
    private final ProbeSettings settings;
    private final HealthClassifier classifier;
    private final AtomicReference<HealthState> state;
    private final AtomicReference<Optional<Exclusion>> exclusion;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;

    private Loop(
        Object identity,
        ProbeTarget target,
        ProbeSettings settings,
        HealthState start,
        Optional<Exclusion> exclusion) {
      this.identity = Objects.requireNonNull(identity);
      this.target = target;
      this.settings = settings;
      this.classifier = new HealthClassifier(settings.thresholds());
      this.state = new AtomicReference<>(start);
      this.exclusion = new AtomicReference<>(exclusion);
    }
  }
}
