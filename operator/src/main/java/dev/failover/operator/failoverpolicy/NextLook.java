package dev.failover.operator.failoverpolicy;

import java.time.Duration;
import java.util.Optional;

/** When to look at a policy again if nothing wakes it first. Pure. */
final class NextLook {
  static final Duration WHILE_MOVING = Duration.ofMillis(500);
  static final Duration WHILE_SETTLED = Duration.ofSeconds(15);

  /**
   * Settled, serving, and every data center of the placement watched: whatever the policy must act
   * on wakes it as it happens (a data center's phase, its objects edited or their readiness, its
   * endpoint probes, its DNSEndpoint edited or deleted, its rider, a restore test, the
   * disaster-recovery trigger, a backup due), so the look is only a safety net. A thousand such
   * policies are then looked at a few times a second in all, not sixty-seven.
   */
  static final Duration WHILE_SETTLED_AND_WATCHED = Duration.ofMinutes(5);

  /**
   * Away from a Healthy primary with automatic failback, a stabilization window may close without
   * any event; looking again this often lets failback start within two seconds of it. While the
   * primary is in any other phase, its next change wakes the policy (the DataCenter informer), so
   * the hundreds of policies a blackout moved away do not poll it every two seconds.
   */
  static final Duration WHILE_AWAY_FROM_PRIMARY = Duration.ofSeconds(2);

  /**
   * An automatic failback under way, in a placement watched everywhere: its one waiting step (the
   * workload Available in the primary) is woken by the readiness change itself, and nothing is down
   * meanwhile, so it need not poll every 500 ms like a failover. Ten failbacks in flight at 500 ms
   * were most of the hub's requests while a returned data center took its policies back.
   */
  static final Duration WHILE_FAILING_BACK_AND_WATCHED = Duration.ofSeconds(2);

  private NextLook() {}

  /**
   * @param moving a failover or failback step is under way
   * @param automaticFailback what is under way is an automatic failback
   * @param retryIn when a failing action's back-off ends, if one does
   * @param awaitingFailback away from a Healthy primary with automatic failback
   * @param servingAndWatched the workload serves, and every data center of the placement is watched
   */
  static Duration after(
      boolean moving,
      boolean automaticFailback,
      Optional<Duration> retryIn,
      boolean awaitingFailback,
      boolean servingAndWatched) {
    if (moving) {
      return automaticFailback && servingAndWatched && retryIn.isEmpty()
          ? WHILE_FAILING_BACK_AND_WATCHED
          : WHILE_MOVING;
    }
    // Settled with a failing data center: look again when its back-off ends, not every 500 ms.
    if (retryIn.isPresent()) {
      Duration retry = retryIn.get();
      return retry.compareTo(WHILE_MOVING) < 0
          ? WHILE_MOVING
          : retry.compareTo(WHILE_SETTLED) > 0 ? WHILE_SETTLED : retry;
    }
    if (awaitingFailback) {
      return WHILE_AWAY_FROM_PRIMARY;
    }
    return servingAndWatched ? WHILE_SETTLED_AND_WATCHED : WHILE_SETTLED;
  }
}
