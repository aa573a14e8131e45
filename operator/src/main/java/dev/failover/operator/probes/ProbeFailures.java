package dev.failover.operator.probes;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Tells a probe that hung from one that was refused: a hang costs the whole timeout. */
public final class ProbeFailures {
  private ProbeFailures() {}

  public static boolean isTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
