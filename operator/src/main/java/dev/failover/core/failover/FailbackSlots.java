package dev.failover.core.failover;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A limit on the automatic failbacks in flight to each data center, so that a data center that
 * returns with hundreds of policies failed over from it is not flooded by all their failbacks at
 * once. Failovers are never limited (the RTO runs), and a manual failback is not either: a person
 * asked for it, now.
 *
 * <p>A slot is held, per target data center, by a policy's UID from the decision that starts its
 * failback until a decision no longer has it in flight (completed, abandoned, turned into a
 * blackout failover), or the policy is deleted. A policy denied a slot stays where it is and asks
 * again at its next decision. When slots are free and policies wait, {@link #dueToWake} names the
 * longest-waiting ones, as many as there are free slots, so the caller wakes those instead of every
 * waiting policy polling; whoever asks first still gets a free slot, so no order is promised.
 * Thread-safe: policies are reconciled on many threads.
 */
public final class FailbackSlots {
  private final int limit;
  private final Map<String, Set<String>> holders = new HashMap<>();
  private final Map<String, Set<String>> waiters = new HashMap<>();
  private boolean derived;

  public FailbackSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the failback limit must be at least 1: " + limit);
    }
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  /** The data center whose slot this progress needs: the target of an automatic failback. */
  public static Optional<String> slotNeeded(FailoverProgress progress) {
    InFlightFailover move = progress.inFlight();
    return move != null && move.reason() == FailoverReason.AutomaticFailback && move.to() != null
        ? Optional.of(move.to())
        : Optional.empty();
  }

  /**
   * Admits the progress a policy's decision arrived at. A failback already in flight in {@code
   * current} keeps (or, after a restart, takes back) its slot even past the limit: it has started
   * and stopping it halfway helps nobody. A failback that {@code decided} starts gets a free slot
   * or a wait; anything else frees the policy's slot and its place among the waiting.
   *
   * @return empty when the decision may go ahead; otherwise why the failback must wait, for a
   *     decision made again with {@link PolicySituation#withFailbackWait}
   */
  public synchronized Optional<FailbackWait> admit(
      String policy, FailoverProgress current, FailoverProgress decided) {
    Optional<String> needed = slotNeeded(decided);
    if (needed.isEmpty()) {
      release(policy);
      return Optional.empty();
    }
    String target = needed.get();
    Set<String> held = holders.computeIfAbsent(target, dc -> new LinkedHashSet<>());
    if (held.contains(policy) || slotNeeded(current).equals(needed) || held.size() < limit) {
      release(policy);
      holders.computeIfAbsent(target, dc -> new LinkedHashSet<>()).add(policy);
      return Optional.empty();
    }
    boolean firstLook = waiters.computeIfAbsent(target, dc -> new LinkedHashSet<>()).add(policy);
    return Optional.of(new FailbackWait(target, held.size(), limit, firstLook));
  }

  /**
   * Once, before the first admission after a start: the failbacks persisted as in flight take their
   * slots back, so policies reconciled before them do not find the limit empty.
   *
   * @param persisted each policy's persisted progress, by UID
   */
  public synchronized void deriveOnce(Supplier<Map<String, FailoverProgress>> persisted) {
    if (derived) {
      return;
    }
    derived = true;
    persisted
        .get()
        .forEach(
            (policy, progress) ->
                slotNeeded(progress)
                    .ifPresent(
                        target ->
                            holders
                                .computeIfAbsent(target, dc -> new LinkedHashSet<>())
                                .add(policy)));
  }

  /** The policy no longer moves nor waits (deleted, or blocked from acting at all). */
  public synchronized void release(String policy) {
    holders.values().forEach(set -> set.remove(policy));
    waiters.values().forEach(set -> set.remove(policy));
  }

  /** Forgets every policy not in {@code policies}: they were deleted. */
  public synchronized void retain(Set<String> policies) {
    holders.values().forEach(set -> set.retainAll(policies));
    waiters.values().forEach(set -> set.retainAll(policies));
  }

  /**
   * The waiting policies a free slot could admit now: for each data center, its longest-waiting
   * policies, as many as it has free slots. Asking again before they decide names them again.
   */
  public synchronized Set<String> dueToWake() {
    Set<String> due = new LinkedHashSet<>();
    waiters.forEach(
        (target, waiting) ->
            waiting.stream().limit(Math.max(0, limit - inFlight(target))).forEach(due::add));
    return due;
  }

  public synchronized int inFlight(String dataCenter) {
    return holders.getOrDefault(dataCenter, Set.of()).size();
  }

  public synchronized int waiting(String dataCenter) {
    return waiters.getOrDefault(dataCenter, Set.of()).size();
  }
}
