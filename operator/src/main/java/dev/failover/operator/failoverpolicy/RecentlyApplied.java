package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which workloads were applied where, so the same server-side apply is not sent to every
 * data center on every decision. An entry holds for one spec generation and one size, and only for
 * a while: drift made by hand in a data center is corrected within {@link #FRESH_FOR}.
 */
final class RecentlyApplied {
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final Clock clock;
  private final Map<Key, Applied> applied = new ConcurrentHashMap<>();

  RecentlyApplied(Clock clock) {
    this.clock = clock;
  }

  boolean isCurrent(FailoverPolicy policy, String dataCenter, ReplicasMode mode) {
    Applied entry = applied.get(key(policy, dataCenter));
    return entry != null
        && entry.generation() == generation(policy)
        && entry.mode() == mode
        && entry.at().plus(FRESH_FOR).isAfter(clock.instant());
  }

  void applied(FailoverPolicy policy, String dataCenter, ReplicasMode mode) {
    applied.put(key(policy, dataCenter), new Applied(generation(policy), mode, clock.instant()));
  }

  /** The workload there changed some other way (fenced, removed): apply it again next time. */
  void forget(FailoverPolicy policy, String dataCenter) {
    applied.remove(key(policy, dataCenter));
  }

  /** The policy is deleted: nothing of it is current anywhere. */
  void forget(FailoverPolicy policy) {
    applied.keySet().removeIf(key -> key.policyUid().equals(policy.getMetadata().getUid()));
  }

  private static Key key(FailoverPolicy policy, String dataCenter) {
    return new Key(policy.getMetadata().getUid(), dataCenter);
  }

  private static long generation(FailoverPolicy policy) {
    Long generation = policy.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private record Key(String policyUid, String dataCenter) {}

  private record Applied(long generation, ReplicasMode mode, Instant at) {}
}
