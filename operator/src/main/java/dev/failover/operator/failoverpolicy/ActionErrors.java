package dev.failover.operator.failoverpolicy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * One short line for a failed action, for logs, conditions and Events. fabric8's messages carry the
 * whole request (and sometimes the manifest); a stack trace every retry buries the one fact a
 * person needs: what answered what.
 */
final class ActionErrors {
  static final int MAX_LENGTH = 200;

  private ActionErrors() {}

  static String condense(Throwable error) {
    if (timedOut(error)) {
      return "timed out";
    }
    if (error instanceof KubernetesClientException k8s && k8s.getCode() > 0) {
      String detail =
          k8s.getStatus() != null && k8s.getStatus().getMessage() != null
              ? k8s.getStatus().getMessage()
              : k8s.getStatus() != null ? k8s.getStatus().getReason() : null;
      return shorten("HTTP " + k8s.getCode() + (detail == null ? "" : ": " + detail));
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
    return shorten(root.getClass().getSimpleName() + message);
  }

  private static boolean timedOut(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException
          || cause instanceof TimeoutException
          || cause instanceof InterruptedIOException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String shorten(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
