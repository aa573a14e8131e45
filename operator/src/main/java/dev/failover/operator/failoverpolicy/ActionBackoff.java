package dev.failover.operator.failoverpolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retries of failing actions back off, per policy and data center (or DNS): the first retry after
 * {@link #FIRST}, then twice as long each time up to {@link #LONGEST}. A data center that keeps
 * failing is not hammered every half second, and a slow one costs a call timeout only now and then.
 * One success clears it.
 */
final class ActionBackoff {
  static final Duration FIRST = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofSeconds(15);

  private final Clock clock;
  private final Map<Key, Failing> failing = new ConcurrentHashMap<>();

  ActionBackoff(Clock clock) {
    this.clock = clock;
  }

  /** The last failure, if the next attempt must still wait. */
  Optional<Failing> waiting(String policyUid, String target) {
    Failing entry = failing.get(new Key(policyUid, target));
    return entry != null && entry.retryAt().isAfter(clock.instant())
        ? Optional.of(entry)
        : Optional.empty();
  }

  Failing failed(String policyUid, String target, String error) {
    Instant now = clock.instant();
    return failing.compute(
        new Key(policyUid, target),
        (key, before) -> {
          int attempts = before == null ? 1 : before.attempts() + 1;
          return new Failing(attempts, error, now.plus(delay(attempts)));
        });
  }

  void succeeded(String policyUid, String target) {
    failing.remove(new Key(policyUid, target));
  }

  /** Forgets every policy but these. */
  void retain(Set<String> policyUids) {
    failing.keySet().removeIf(key -> !policyUids.contains(key.policyUid()));
  }

  static Duration delay(int attempts) {
    Duration delay = FIRST.multipliedBy(1L << Math.min(attempts - 1, 20));
    return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
  }

  record Failing(int attempts, String error, Instant retryAt) {}

  private record Key(String policyUid, String target) {}
}
