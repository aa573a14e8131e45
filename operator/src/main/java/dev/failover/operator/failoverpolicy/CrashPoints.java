package dev.failover.operator.failoverpolicy;

import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.InFlightFailover;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection for the crash tests; off unless a system property turns it on, and never set by
 * the chart. With {@code -Dfailover.fault.killBeforeAction=N} the process halts at once (no
 * shutdown hooks, like SIGKILL) just before the N-th step of a move: an Event, a status write, or a
 * call to a data center or DNS. Repeats of a step (the same apply, decided again) count once, so N
 * names the same point of a move however many reconciles it takes. {@code
 * -Dfailover.fault.killDuring=} a {@link FailoverReason} (e.g. {@code Blackout}, {@code
 * ManualFailback}) counts only moves of that reason; by default every move but a first placement
 * counts. Every counted step is logged with its number, so a sweep knows when it has passed the
 * last one.
 */
final class CrashPoints {
  static final String KILL_BEFORE = "failover.fault.killBeforeAction";
  static final String KILL_DURING = "failover.fault.killDuring";
  private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);
  private static final int KILLED = 137;

  private final int killBefore;
  private final FailoverReason during;
  private final Runnable halt;
  private final Set<String> seen = new HashSet<>();

  CrashPoints(int killBefore, FailoverReason during, Runnable halt) {
    this.killBefore = killBefore;
    this.during = during;
    this.halt = halt;
  }

  static CrashPoints off() {
    return new CrashPoints(0, null, () -> {});
  }

  static CrashPoints fromSystemProperties() {
    String index = System.getProperty(KILL_BEFORE);
    if (index == null || index.isBlank()) {
      return off();
    }
    String reason = System.getProperty(KILL_DURING);
    return new CrashPoints(
        Integer.parseInt(index.trim()),
        reason == null || reason.isBlank() ? null : FailoverReason.valueOf(reason.trim()),
        () -> Runtime.getRuntime().halt(KILLED));
  }

  boolean armed() {
    return killBefore > 0;
  }

  /**
   * Counts {@code step} if it belongs to a counted move (in flight before or after the decision),
   * and halts the process if it is the one to die before.
   */
  synchronized void before(String step, FailoverProgress from, FailoverProgress to) {
    if (!armed() || !(counts(from.inFlight()) || counts(to.inFlight())) || !seen.add(step)) {
      return;
    }
    int number = seen.size();
    log.info("crash point {}: {}", number, step);
    if (number == killBefore) {
      String line =
          String.format(
              Locale.ROOT, "crash point %d reached: killing the process before %s", number, step);
      log.warn(line);
      System.err.println(line);
      System.err.flush();
      System.out.flush();
      halt.run();
    }
  }

  private boolean counts(InFlightFailover move) {
    if (move == null || move.isInitialPlacement()) {
      return false;
    }
    return during == null || move.reason() == during;
  }
}
