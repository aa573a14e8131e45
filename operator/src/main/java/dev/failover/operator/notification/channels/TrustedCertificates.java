package dev.failover.operator.notification.channels;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust of a channel: the JVM's default CAs, or only the CAs of the channel's bundle.
 * Either way the certificate chain and the host name are verified; nothing here can turn that off.
 */
public final class TrustedCertificates {
  private TrustedCertificates() {}

  /** The JVM's default trust. */
  public static SSLContext defaults() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /**
   * Trusts only the certificates of this PEM bundle.
   *
   * @param source names the bundle in messages, e.g. "Secret shop/ca key ca.crt"
   */
  public static SSLContext of(String pem, String source) throws ChannelUnusableException {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
      if (certificates.isEmpty()) {
        throw new ChannelUnusableException("CaBundleInvalid", source + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ChannelUnusableException(
          "CaBundleInvalid", source + " is not a PEM certificate bundle");
    }
  }
}
