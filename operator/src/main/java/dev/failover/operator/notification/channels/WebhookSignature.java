package dev.failover.operator.notification.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code v1=} and the hex HMAC-SHA256, keyed with the channel's Secret, over
 * {@code <timestamp>.<body>}, where the timestamp is the {@value #TIMESTAMP} header (Unix seconds).
 * Signing the timestamp lets a receiver refuse an old request replayed as is.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP = "X-Failover-Timestamp";
  public static final String SIGNATURE = "X-Failover-Signature";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String EVENT = "X-Failover-Event";
  static final String SCHEME = "v1=";

  private WebhookSignature() {}

  public static String sign(byte[] key, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /** Compares in constant time, so timing tells an attacker nothing of the right signature. */
  static boolean matches(byte[] key, long timestamp, byte[] body, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            sign(key, timestamp, body).getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8));
  }
}
