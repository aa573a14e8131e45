package dev.failover.operator.probes;

import dev.failover.core.health.ConfirmationProbes;
import dev.failover.core.health.Exclusion;
import dev.failover.core.health.HealthClassifier;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.ProbeOutcome;
import dev.failover.core.health.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes each watched target on its own schedule and classifies the results with the core's {@link
 * HealthClassifier}. It holds the live health of every target in memory and says when one changed.
 * A probe still in flight when the next one is due is not doubled up. A run that throws is logged
 * and counted, and the schedule goes on: a dead schedule would freeze the last phase, perhaps
 * Healthy, for good. {@link #alive} tells whether every schedule still runs.
 */
public final class ProbeLoops implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProbeLoops.class);

  private final String name;
  private final Clock clock;
  private final Consumer<String> onChange;
  private final ProbeListener onProbe;
  private final Stalls stalls;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Loop> loops = new ConcurrentHashMap<>();
  private final AtomicLong unexpectedFailures = new AtomicLong();

  /**
   * @param name names the probe thread and the log lines
   * @param onChange called with a key when its phase or failure count changed
   * @param onProbe called with every probe result
   */
  public ProbeLoops(String name, Clock clock, Consumer<String> onChange, ProbeListener onProbe) {
    this(name, clock, onChange, onProbe, StallWatch.ofThisProcess());
  }

  /**
   * @param stalls the operator's own stalls: a timeout during which it stalled for a quarter of the
   *     timeout or more is not counted
   */
  ProbeLoops(
      String name, Clock clock, Consumer<String> onChange, ProbeListener onProbe, Stalls stalls) {
    this.name = name;
    this.stalls = stalls;
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

  /**
   * True when every schedule has run within three of its intervals (plus its timeout): a schedule
   * that died, or a probe thread stuck in a listener, makes the operator not alive.
   */
  public boolean alive() {
    if (scheduler.isShutdown()) {
      return false;
    }
    long now = System.nanoTime();
    return loops.values().stream()
        .allMatch(
            loop -> {
              Duration allowed =
                  loop.settings.interval().multipliedBy(3).plus(loop.settings.timeout());
              return now - loop.lastRun.get() <= allowed.toNanos();
            });
  }

  /** Runs that threw instead of probing, since the start; each was logged. */
  public long unexpectedFailures() {
    return unexpectedFailures.get();
  }

  /** One scheduled run; it never throws, since a throw would end the schedule for good. */
  void probeOnce(String key, Loop loop) {
    loop.lastRun.set(System.nanoTime());
    try {
      tick(key, loop);
      if (!loop.inFlight.compareAndSet(false, true)) {
        return;
      }
      CompletableFuture<ProbeResult> probe;
      long startedNanos = System.nanoTime();
      try {
        probe = loop.target.probe(loop.settings.timeout());
      } catch (RuntimeException e) {
        loop.inFlight.set(false);
        throw e;
      }
      probe.whenComplete(
          (result, failure) -> {
            loop.inFlight.set(false);
            if (result == null) {
              unexpected(key, failure);
              return;
            }
            if (timedOutWhileStalled(key, loop, result, startedNanos)) {
              return;
            }
            try {
              HealthState health =
                  update(
                      key,
                      loop,
                      state ->
                          loop.classifier.onProbe(
                              state, result, loop.exclusion.get(), clock.instant()));
              onProbe.probed(key, result, health);
              confirmIfFailed(key, loop, result, health);
            } catch (RuntimeException e) {
              unexpected(key, e);
            }
          });
    } catch (RuntimeException e) {
      unexpected(key, e);
    }
  }

  /**
   * A failed probe of a serving data center is probed again soon (see {@link ConfirmationProbes}),
   * beside the regular schedule; a loop replaced or removed meanwhile is not probed again. A chain
   * of timeouts is confirmed only when it outpaces the schedule: a confirmation in flight makes the
   * regular probe skip its turn.
   */
  private void confirmIfFailed(String key, Loop loop, ProbeResult result, HealthState health) {
    Duration waitedFor =
        result.outcome() == ProbeOutcome.TimedOut ? loop.settings.timeout() : Duration.ZERO;
    loop.settings
        .confirmation()
        .after(health, result, loop.settings.thresholds())
        .filter(delay -> delay.plus(waitedFor).compareTo(loop.settings.interval()) < 0)
        .ifPresent(
            delay -> {
              try {
                scheduler.schedule(
                    () -> {
                      if (loops.get(key) == loop) {
                        probeOnce(key, loop);
                      }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
              } catch (RejectedExecutionException closed) {
                // Shutting down: nothing more to confirm.
              }
            });
  }

  /**
   * A timeout during which the operator itself could not run for a quarter of the timeout or more
   * is not counted: the answer may have come and waited, unread, while the timer ran. Without this,
   * one long stall (a full collection, a starved machine) timed out every data center at once and
   * took them all for blacked out. The schedule goes on; a real hang times out the next probe too.
   */
  private boolean timedOutWhileStalled(
      String key, Loop loop, ProbeResult result, long startedNanos) {
    if (result.outcome() != ProbeOutcome.TimedOut) {
      return false;
    }
    Duration stalled = stalls.between(startedNanos, System.nanoTime());
    if (stalled.compareTo(loop.settings.timeout().dividedBy(4)) < 0) {
      return false;
    }
    log.info(
        "{} {}: a probe timed out while the operator itself stalled for {} ms; not counted",
        name,
        key,
        stalled.toMillis());
    return true;
  }

  private void unexpected(String key, Throwable failure) {
    unexpectedFailures.incrementAndGet();
    log.error("{}: probing {} failed unexpectedly; the schedule goes on", name, key, failure);
  }

  /** Exclusion windows and probation end with time, not only with probes. */
  private void tick(String key, Loop loop) {
    update(
        key, loop, state -> loop.classifier.onTick(state, loop.exclusion.get(), clock.instant()));
  }

  private HealthState update(String key, Loop loop, UnaryOperator<HealthState> step) {
    HealthState before = loop.state.get();
    HealthState after = loop.state.updateAndGet(step);
    if (before.phase() != after.phase()) {
      log.info("{} {}: {} -> {} ({})", name, key, before.phase(), after.phase(), after.reason());
    }
    if (after.newsSince(before, loop.settings.thresholds())) {
      onChange.accept(key);
    }
    return after;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  static final class Loop {
    private final AtomicLong lastRun = new AtomicLong(System.nanoTime());
    private final Object identity;
    private final ProbeTarget target;
    private final ProbeSettings settings;
    private final HealthClassifier classifier;
    private final AtomicReference<HealthState> state;
    private final AtomicReference<Optional<Exclusion>> exclusion;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;

    Loop(
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
