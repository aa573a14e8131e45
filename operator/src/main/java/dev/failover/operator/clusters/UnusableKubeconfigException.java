package dev.failover.operator.clusters;

/**
 * A kubeconfig no client can be built from. The message is for people and never quotes the
 * kubeconfig: a parser's error would echo the lines around the fault, tokens and keys included.
 */
public final class UnusableKubeconfigException extends RuntimeException {
  private final String reason;

  public UnusableKubeconfigException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** A condition reason in CamelCase, such as {@code KubeconfigInvalid}. */
  public String reason() {
    return reason;
  }
}
