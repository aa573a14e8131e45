package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.operator.notification.channels.WebhookVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"type\":\"Restored\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-23T10:42:00Z");

  private final WebhookVerifier verifier =
      new WebhookVerifier(KEY, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

  private Verdict verify(long timestamp, String signature, String key) {
    return verifier.verify(Long.toString(timestamp), signature, key, BODY);
  }

  @Test
  void theSignatureIsHmacSha256OverTimestampDotBody() {
    // echo -n '1795430520.{"type":"Restored"}' | openssl dgst -sha256 -hmac k
    assertThat(WebhookSignature.sign(KEY, 1795430520L, BODY))
        .isEqualTo("v1=" + hmacByHand(1795430520L));
  }

  @Test
  void aFreshSignedRequestIsAcceptedOnce() {
    long now = NOW.getEpochSecond();
    String signature = WebhookSignature.sign(KEY, now, BODY);

    assertThat(verify(now, signature, "a")).isEqualTo(Verdict.ACCEPTED);
    assertThat(verify(now, signature, "a")).isEqualTo(Verdict.DUPLICATE);
    assertThat(verify(now, signature, "b")).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aTimestampOutsideTheToleranceIsStaleEvenWhenSigned() {
    long old = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
    long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();

    assertThat(verify(old, WebhookSignature.sign(KEY, old, BODY), "a")).isEqualTo(Verdict.STALE);
    assertThat(verify(future, WebhookSignature.sign(KEY, future, BODY), "a"))
        .isEqualTo(Verdict.STALE);
    assertThat(verifier.verify("not-a-number", "v1=00", "a", BODY)).isEqualTo(Verdict.STALE);
  }

  @Test
  void aSignatureForAnotherTimestampOrKeyIsRefused() {
    long now = NOW.getEpochSecond();

    assertThat(verify(now, WebhookSignature.sign(KEY, now - 1, BODY), "a"))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(
            verify(
                now,
                WebhookSignature.sign("other".getBytes(StandardCharsets.UTF_8), now, BODY),
                "a"))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verify(now, null, "a")).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  private static String hmacByHand(long timestamp) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
      byte[] signed =
          mac.doFinal(
              (timestamp + "." + new String(BODY, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(signed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
