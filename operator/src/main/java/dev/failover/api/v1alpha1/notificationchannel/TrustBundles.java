package dev.failover.api.v1alpha1.notificationchannel;

/** What every channel configuration says of the CA bundle its TLS connections trust. */
final class TrustBundles {
  private TrustBundles() {}

  static final String CA_BUNDLE_DESCRIPTION =
      "Secret key, in this namespace, holding PEM CA certificates: when set, the server's"
          + " certificate must chain to one of them (instead of the JVM's default CAs). The"
          + " certificate and its host name are always verified; there is no way to skip it.";
}
