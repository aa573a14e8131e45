package dev.failover.operator.notification.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook receiver runs on each request (and what the tests run): the signature must match
 * the body and timestamp, the timestamp must be within {@code tolerance} of now (an old request
 * replayed is refused), and an idempotency key seen within that window is a {@link
 * Verdict#DUPLICATE}: a genuine redelivery (delivery is at least once), to acknowledge with a 2xx
 * and not act on twice. Keys are remembered only as long as their timestamp could pass, so memory
 * stays bounded. Thread-safe.
 */
public final class WebhookVerifier {
  /** The verdict on one request. */
  public enum Verdict {
    /** Signed, fresh and new: act on it. */
    ACCEPTED,
    /** Signed and fresh, but its idempotency key was seen: acknowledge, do not act again. */
    DUPLICATE,
    /** Missing or wrong signature: refuse (401). */
    BAD_SIGNATURE,
    /** Timestamp missing or outside the tolerance: refuse (401), it may be a replay. */
    STALE
  }

  private final byte[] key;
  private final Duration tolerance;
  private final Clock clock;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  public WebhookVerifier(byte[] key, Duration tolerance, Clock clock) {
    this.key = key.clone();
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** Verifies a request by its three headers and raw body. */
  public synchronized Verdict verify(
      String timestampHeader, String signatureHeader, String idempotencyKey, byte[] body) {
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
    } catch (NumberFormatException e) {
      return Verdict.STALE;
    }
    if (!WebhookSignature.matches(key, timestamp, body, signatureHeader)) {
      return Verdict.BAD_SIGNATURE;
    }
    Instant now = clock.instant();
    Instant sent = Instant.ofEpochSecond(timestamp);
    if (Duration.between(sent, now).abs().compareTo(tolerance) > 0) {
      return Verdict.STALE;
    }
    forgetOlderThan(now.minus(tolerance.multipliedBy(2)));
    if (idempotencyKey != null && seen.putIfAbsent(idempotencyKey, now) != null) {
      return Verdict.DUPLICATE;
    }
    return Verdict.ACCEPTED;
  }

  private void forgetOlderThan(Instant limit) {
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext() && entries.next().getValue().isBefore(limit)) {
      entries.remove();
    }
  }
}
