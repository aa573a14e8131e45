package dev.failover.operator.dr;

import dev.failover.core.dr.TriggerPolls.Answer;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the resolvers for the trigger records, off the reconciler threads: one poll per distinct
 * name and resolver, however many policies share it, at the shortest interval among them (never
 * more often than {@link #MIN_INTERVAL}). A lookup is bounded by {@link DnsTxtLookup}'s timeout,
 * and a name is never asked twice at once. When an answer differs from the one before, the policies
 * watching it are woken; each reconcile folds the latest answer it has not folded yet.
 */
public final class DnsTriggerPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DnsTriggerPoller.class);

  /** The floor under {@code pollInterval}: a short interval must not hammer a resolver. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private static final Duration TICK = Duration.ofMillis(200);
  private static final int LOOKUP_THREADS = 2;

  /** Asks a resolver for a name's TXT values ({@link DnsTxtLookup#lookup}). */
  @FunctionalInterface
  public interface Lookup {
    Answer lookup(String name, Optional<String> resolver);
  }

  /** One record asked of one resolver (empty: the system's). */
  public record Target(String name, Optional<String> resolver) {}

  /** An answer and when it came; {@code sequence} tells one poll from the next. */
  public record Poll(Answer answer, Instant at, long sequence) {}

  private record Watch(Target target, Duration interval) {}

  private static final class State {
    Poll latest;
    Instant due = Instant.MIN;
    boolean asking;
  }

  private final Lookup lookup;
  private final Clock clock;
  private final Consumer<ResourceID> wake;
  private final Map<ResourceID, Watch> watches = new HashMap<>();
  private final Map<Target, State> states = new HashMap<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(daemon("dr-trigger-ticker"));
  private final ExecutorService lookups =
      Executors.newFixedThreadPool(LOOKUP_THREADS, daemon("dr-trigger-lookup"));
  private long sequence;

  public DnsTriggerPoller(Lookup lookup, Clock clock, Consumer<ResourceID> wake) {
    this.lookup = lookup;
    this.clock = clock;
    this.wake = wake;
    ticker.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The policy's trigger is {@code target}, asked every {@code interval}. */
  public synchronized void watch(ResourceID policy, Target target, Duration interval) {
    Duration bounded = interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
    watches.put(policy, new Watch(target, bounded));
    states.computeIfAbsent(target, any -> new State());
  }

  /** The policy no longer has a DNS trigger, or is gone. */
  public synchronized void forget(ResourceID policy) {
    watches.remove(policy);
    states.keySet().removeIf(target -> watchers(target).isEmpty());
  }

  /** Keeps only these policies' watches. */
  public synchronized void retain(Set<ResourceID> policies) {
    Set.copyOf(watches.keySet()).stream()
        .filter(policy -> !policies.contains(policy))
        .forEach(this::forget);
  }

  /** The newest answer for the target; empty before its first poll. */
  public synchronized Optional<Poll> latest(Target target) {
    State state = states.get(target);
    return state == null ? Optional.empty() : Optional.ofNullable(state.latest);
  }

  private synchronized void tick() {
    Instant now = clock.instant();
    states.forEach(
        (target, state) -> {
          if (!state.asking && !now.isBefore(state.due)) {
            state.asking = true;
            lookups.execute(() -> ask(target));
          }
        });
  }

  private void ask(Target target) {
    Answer answer;
    try {
      answer = lookup.lookup(target.name(), target.resolver());
    } catch (RuntimeException e) {
      answer = new Answer.NoAnswer("the lookup failed: " + e.getClass().getSimpleName());
    }
    Set<ResourceID> woken = answered(target, answer);
    woken.forEach(wake);
  }

  /** Records the answer; returns the policies to wake (none when nothing changed). */
  private synchronized Set<ResourceID> answered(Target target, Answer answer) {
    State state = states.get(target);
    if (state == null) {
      return Set.of(); // forgotten while it was asked
    }
    Instant now = clock.instant();
    boolean changed = state.latest == null || !state.latest.answer().equals(answer);
    state.latest = new Poll(answer, now, ++sequence);
    state.asking = false;
    state.due = now.plus(interval(target));
    if (changed) {
      log.debug(
          "the trigger record {} answers {}", target.name(), answer.getClass().getSimpleName());
    }
    return changed ? watchers(target) : Set.of();
  }

  private Duration interval(Target target) {
    return watches.values().stream()
        .filter(watch -> watch.target().equals(target))
        .map(Watch::interval)
        .min(Duration::compareTo)
        .orElse(MIN_INTERVAL);
  }

  private Set<ResourceID> watchers(Target target) {
    Set<ResourceID> found = new java.util.HashSet<>();
    watches.forEach(
        (policy, watch) -> {
          if (watch.target().equals(target)) {
            found.add(policy);
          }
        });
    return found;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    lookups.shutdownNow();
  }
}
