package dev.failover.core.health;

/** How one probe of a data center ended. */
public enum ProbeOutcome {
  Succeeded,
  /** No answer within the probe timeout; counts as a failure exactly like a refusal. */
  TimedOut,
  /** Connection refused, or an HTTP error: the data center did not answer well. */
  Refused,
  /**
   * 401: the API server answered and turned our credentials away (an expired or revoked token). It
   * is up, so this is no evidence of a blackout; see {@link #credentialFault()}.
   */
  Unauthorized,
  /** 403: the API server answered and our identity may not read {@code /readyz}. */
  Forbidden,
  /** The TLS handshake failed: the server's certificate is not one our CA data trusts. */
  TlsRejected;

  /** A refusal or a hang: evidence that the data center may be down. */
  public boolean failed() {
    return this == TimedOut || this == Refused;
  }

  /**
   * Our credentials or trust were turned away: the data center answered, so it says nothing about
   * its health, only that the operator cannot judge it until a person fixes the kubeconfig.
   */
  public boolean credentialFault() {
    return this == Unauthorized || this == Forbidden || this == TlsRejected;
  }

  /** For people: what the data center said. */
  String describe() {
    return switch (this) {
      case Succeeded -> "succeeded";
      case TimedOut -> "timed out";
      case Refused -> "refused";
      case Unauthorized -> "401 Unauthorized: the credentials were rejected";
      case Forbidden -> "403 Forbidden: the credentials may not read /readyz";
      case TlsRejected -> "TLS handshake failed: the server certificate is not trusted";
    };
  }
}
