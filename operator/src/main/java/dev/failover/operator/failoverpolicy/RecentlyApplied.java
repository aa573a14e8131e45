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
 * a while: drift made by hand in a data center is corrected within {@link #FRESH_FOR}, or within
 * {@link #FRESH_FOR_WATCHED} where the data center's copies are watched, since then a change made
 * there is told as it happens ({@link #changed}) and ends the entry at once.
 */
final class RecentlyApplied {
  static final Duration FRESH_FOR = Duration.ofSeconds(30);
  static final Duration FRESH_FOR_WATCHED = Duration.ofHours(1);

  private final Clock clock;
  private final Map<Key, Applied> applied = new ConcurrentHashMap<>();

  RecentlyApplied(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param watched whether changes to the workload's objects there are told ({@link #changed})
   */
  boolean isCurrent(FailoverPolicy policy, String dataCenter, ReplicasMode mode, boolean watched) {
    Applied entry = applied.get(key(policy, dataCenter));
    return entry != null
        && entry.generation() == generation(policy)
        && entry.mode() == mode
        && entry.at().plus(watched ? FRESH_FOR_WATCHED : FRESH_FOR).isAfter(clock.instant());
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
    Key any = key(policy, "");
    applied
        .keySet()
        .removeIf(
            key ->
                key.namespace().equals(any.namespace())
                    && key.policyLabel().equals(any.policyLabel()));
  }

  /** One of the policy's objects there was changed or deleted by someone: apply it again. */
  void changed(String policyNamespace, String policyLabel, String dataCenter) {
    applied.remove(new Key(policyNamespace, policyLabel, dataCenter));
  }

  private static Key key(FailoverPolicy policy, String dataCenter) {
    return new Key(
        policy.getMetadata().getNamespace(),
        PolicyLabels.labelValue(policy.getMetadata().getName()),
        dataCenter);
  }

  private static long generation(FailoverPolicy policy) {
    Long generation = policy.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** By the policy's labels, which are all a changed object tells of it. */
  private record Key(String namespace, String policyLabel, String dataCenter) {}

  private record Applied(long generation, ReplicasMode mode, Instant at) {}
}
