package dev.failover.core.dr;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed disaster-recovery trigger value, as published in a DNS TXT record:
 *
 * <pre>failover-dr=v1; mode=on; ts=1764570000; nonce=q9J0mZ3x0v8; sig=&lt;base64url&gt;</pre>
 *
 * The signature is HMAC-SHA256 with the policy's key over {@code v1|<name>|<mode>|<ts>|<nonce>},
 * where {@code name} is the record's name in lower case without a trailing dot, and is written in
 * unpadded base64url. The value fits one TXT string (under 255 characters).
 */
public record TriggerRecord(DrMode mode, Instant signedAt, String nonce, String signature) {
  static final String PREFIX = "failover-dr=v1";
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}");

  public TriggerRecord {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(signedAt, "signedAt");
    if (!NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("nonce must be 8 to 64 base64url characters");
    }
  }

  /** Signs a value for the record {@code name}. */
  public static TriggerRecord sign(
      byte[] key, String name, DrMode mode, Instant signedAt, String nonce) {
    TriggerRecord unsigned = new TriggerRecord(mode, signedAt, nonce, "");
    return new TriggerRecord(mode, signedAt, nonce, unsigned.expectedSignature(key, name));
  }

  /** The TXT value. */
  public String value() {
    return PREFIX
        + "; mode="
        + mode
        + "; ts="
        + signedAt.getEpochSecond()
        + "; nonce="
        + nonce
        + "; sig="
        + signature;
  }

  /**
   * Reads a TXT value; empty when it is not ours (no {@code failover-dr=} prefix).
   *
   * @throws IllegalArgumentException when it is ours but malformed, saying what is wrong
   */
  public static Optional<TriggerRecord> parse(String value) {
    String text = value.strip();
    if (!text.startsWith("failover-dr=")) {
      return Optional.empty();
    }
    if (!text.startsWith(PREFIX + ";")) {
      throw new IllegalArgumentException("unsupported version: only failover-dr=v1 is read");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : text.substring(PREFIX.length() + 1).split(";")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length != 2 || fields.put(pair[0], pair[1]) != null) {
        throw new IllegalArgumentException(
            "malformed: fields are mode, ts, nonce and sig, each once, as key=value");
      }
    }
    if (!fields.keySet().equals(java.util.Set.of("mode", "ts", "nonce", "sig"))) {
      throw new IllegalArgumentException(
          "malformed: fields are mode, ts, nonce and sig, each once, as key=value");
    }
    DrMode mode;
    try {
      mode = DrMode.valueOf(fields.get("mode"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed: mode must be on or off");
    }
    long seconds;
    try {
      seconds = Long.parseLong(fields.get("ts"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed: ts must be seconds since the epoch");
    }
    if (!SIGNATURE.matcher(fields.get("sig")).matches()) {
      throw new IllegalArgumentException("malformed: sig must be 43 base64url characters");
    }
    if (!NONCE.matcher(fields.get("nonce")).matches()) {
      throw new IllegalArgumentException("malformed: nonce must be 8 to 64 base64url characters");
    }
    return Optional.of(
        new TriggerRecord(
            mode, Instant.ofEpochSecond(seconds), fields.get("nonce"), fields.get("sig")));
  }

  /** Whether the signature is the key's over this value for the record {@code name}. */
  public boolean signedBy(byte[] key, String name) {
    return java.security.MessageDigest.isEqual(
        expectedSignature(key, name).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String expectedSignature(byte[] key, String name) {
    String message =
        String.join(
            "|",
            "v1",
            canonical(name),
            mode.name(),
            Long.toString(signedAt.getEpochSecond()),
            nonce);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static String canonical(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public String toString() {
    // The signature is not secret, but it is noise in logs and status.
    return "TriggerRecord[mode=" + mode + ", signedAt=" + signedAt + "]";
  }
}
