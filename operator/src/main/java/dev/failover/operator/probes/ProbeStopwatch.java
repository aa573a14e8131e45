package dev.failover.operator.probes;

import dev.failover.core.health.ProbeOutcome;
import dev.failover.core.health.ProbeResult;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/** Times one probe and turns how it ended into a {@link ProbeResult}. */
public final class ProbeStopwatch {
  private final Instant startedAt;
  private final long started = System.nanoTime();

  private ProbeStopwatch(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public static ProbeStopwatch start(Clock clock) {
    return new ProbeStopwatch(clock.instant());
  }

  /**
   * @param healthy whether the answer counts as healthy; ignored when there was no answer
   * @param failure why there was no answer; null when there was one
   */
  public ProbeResult finish(boolean healthy, Throwable failure, Duration timeout) {
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    if (failure != null) {
      return isTimeout(failure)
          ? ProbeResult.timedOut(startedAt, timeout)
          : ProbeResult.refused(startedAt, latency);
    }
    return healthy
        ? ProbeResult.succeeded(startedAt, latency)
        : ProbeResult.refused(startedAt, latency);
  }

  /** An answer, or a handshake, that turned our credentials or trust away: not a failure. */
  public ProbeResult rejected(ProbeOutcome outcome) {
    if (!outcome.credentialFault()) {
      throw new IllegalArgumentException(outcome + " is not a credential fault");
    }
    return new ProbeResult(startedAt, outcome, Duration.ofNanos(System.nanoTime() - started));
  }

  /** A hang costs the whole timeout; anything else failed at once. */
  private static boolean isTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
