package dev.failover.testbed;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Reads a client failure's cause chain: was it a timeout, a refusal, something else? */
final class Failures {
  private Failures() {}

  static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  static boolean isTimeout(Throwable failure) {
    return causes(failure).stream()
        .anyMatch(
            t ->
                t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException
                    || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout"));
  }

  static String describe(Throwable failure) {
    return causes(failure).stream()
        .map(t -> t.getClass().getName() + ": " + t.getMessage())
        .collect(Collectors.joining(" <- "));
  }
}
