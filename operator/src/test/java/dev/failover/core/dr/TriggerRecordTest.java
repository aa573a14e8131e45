package dev.failover.core.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerRecordTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final String NAME = "dr.shop.example";
  static final Instant SIGNED = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void aSignedValueReadsBackAndVerifiesForItsNameOnly() {
    TriggerRecord signed = TriggerRecord.sign(KEY, NAME, DrMode.on, SIGNED, "q9J0mZ3x0v8A");
    String value = signed.value();

    assertThat(value)
        .startsWith("failover-dr=v1; mode=on; ts=1796112000; nonce=q9J0mZ3x0v8A; sig=")
        .hasSizeLessThan(255);
    TriggerRecord read = TriggerRecord.parse(value).orElseThrow();
    assertThat(read).isEqualTo(signed);
    assertThat(read.signedBy(KEY, NAME)).isTrue();
    assertThat(read.signedBy(KEY, "DR.Shop.Example.")).as("names compare as DNS does").isTrue();
    assertThat(read.signedBy(KEY, "dr.other.example")).as("copied to another name").isFalse();
    assertThat(
            read.signedBy(
                "another key of 32 bytes, exactly".getBytes(StandardCharsets.US_ASCII), NAME))
        .isFalse();
  }

  @Test
  void anyEditBreaksTheSignature() {
    String value = TriggerRecord.sign(KEY, NAME, DrMode.off, SIGNED, "q9J0mZ3x0v8A").value();
    for (String edited :
        new String[] {
          value.replace("mode=off", "mode=on"),
          value.replace("ts=1796112000", "ts=1764576001"),
          value.replace("nonce=q9J0mZ3x0v8A", "nonce=q9J0mZ3x0v8B")
        }) {
      assertThat(TriggerRecord.parse(edited).orElseThrow().signedBy(KEY, NAME))
          .as(edited)
          .isFalse();
    }
  }

  @Test
  void otherTxtValuesAreNotOursAndMalformedOnesSayWhy() {
    assertThat(TriggerRecord.parse("v=spf1 -all")).isEmpty();
    assertThat(TriggerRecord.parse("google-site-verification=abc")).isEmpty();
    assertThatThrownBy(() -> TriggerRecord.parse("failover-dr=v2; mode=on"))
        .hasMessageContaining("only failover-dr=v1");
    assertThatThrownBy(
            () ->
                TriggerRecord.parse(
                    "failover-dr=v1; mode=maybe; ts=1; nonce=abcdefgh; sig=" + "A".repeat(43)))
        .hasMessageContaining("mode must be on or off");
    assertThatThrownBy(
            () ->
                TriggerRecord.parse(
                    "failover-dr=v1; mode=on; ts=soon; nonce=abcdefgh; sig=" + "A".repeat(43)))
        .hasMessageContaining("ts must be seconds");
    assertThatThrownBy(
            () -> TriggerRecord.parse("failover-dr=v1; mode=on; ts=1; nonce=abcdefgh; sig=short"))
        .hasMessageContaining("sig must be 43");
    assertThatThrownBy(() -> TriggerRecord.parse("failover-dr=v1; mode=on; ts=1; nonce=abcdefgh"))
        .hasMessageContaining("each once");
    assertThatThrownBy(
            () ->
                TriggerRecord.parse(
                    "failover-dr=v1; mode=on; mode=off; ts=1; nonce=abcdefgh; sig="
                        + "A".repeat(43)))
        .hasMessageContaining("each once");
  }

  @Test
  void theSignatureStaysOutOfItsText() {
    TriggerRecord signed = TriggerRecord.sign(KEY, NAME, DrMode.on, SIGNED, "q9J0mZ3x0v8A");
    assertThat(signed.toString()).doesNotContain(signed.signature());
  }
}
