package dev.failover.operator.notification.channels;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA minted with Bouncy Castle, and a server certificate for 127.0.0.1 it signed. */
final class TestCertificates {
  private static final char[] PASSWORD = "test".toCharArray();

  final X509Certificate ca;
  final String caPem;
  final SSLContext serverTls;

  private TestCertificates(X509Certificate ca, SSLContext serverTls) throws Exception {
    this.ca = ca;
    this.caPem = pem(ca);
    this.serverTls = serverTls;
  }

  /** A fresh CA, and a certificate for IP 127.0.0.1 and localhost signed by it. */
  static TestCertificates mint() {
    try {
      KeyPair caKeys = keys();
      X500Name caName = new X500Name("CN=failover test CA");
      Instant now = Instant.now();
      X509Certificate ca =
          sign(
              new JcaX509v3CertificateBuilder(
                      caName,
                      BigInteger.valueOf(now.toEpochMilli()),
                      Date.from(now.minus(Duration.ofHours(1))),
                      Date.from(now.plus(Duration.ofDays(1))),
                      caName,
                      caKeys.getPublic())
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)),
              caKeys);
      KeyPair serverKeys = keys();
      X509Certificate server =
          sign(
              new JcaX509v3CertificateBuilder(
                      caName,
                      BigInteger.valueOf(now.toEpochMilli() + 1),
                      Date.from(now.minus(Duration.ofHours(1))),
                      Date.from(now.plus(Duration.ofDays(1))),
                      new X500Name("CN=127.0.0.1"),
                      serverKeys.getPublic())
                  .addExtension(
                      Extension.subjectAlternativeName,
                      false,
                      new GeneralNames(
                          new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")
                          })),
              caKeys);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server", serverKeys.getPrivate(), PASSWORD, new Certificate[] {server, ca});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(store, PASSWORD);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(), null, new SecureRandom());
      return new TestCertificates(ca, tls);
    } catch (Exception e) {
      throw new IllegalStateException("cannot mint test certificates", e);
    }
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  private static String pem(X509Certificate certificate) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    }
    return out.toString();
  }
}
