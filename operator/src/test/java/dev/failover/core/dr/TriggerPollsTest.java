package dev.failover.core.dr;

import static dev.failover.core.dr.TriggerRecordTest.KEY;
import static dev.failover.core.dr.TriggerRecordTest.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.dr.TriggerPolls.Answer;
import dev.failover.core.dr.TriggerPolls.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerPollsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final TriggerState OFF = TriggerState.initial();

  private static String value(DrMode mode, Instant signedAt) {
    return TriggerRecord.sign(KEY, NAME, mode, signedAt, "nonce" + signedAt.getEpochSecond())
        .value();
  }

  private static Outcome poll(TriggerState state, String... values) {
    return TriggerPolls.after(new Answer.Values(List.of(values)), KEY, NAME, state, NOW);
  }

  @Test
  void aFreshSignedValueSwitchesAndRemembersWhatSwitchedIt() {
    Instant signed = NOW.minusSeconds(30);
    Outcome on = poll(OFF, value(DrMode.on, signed));
    assertThat(on.switched()).isTrue();
    assertThat(on.readable()).isTrue();
    assertThat(on.state()).isEqualTo(new TriggerState(DrMode.on, signed));
    assertThat(on.message()).contains("switched to mode=on");
  }

  @Test
  void theSameValueLaterOnConfirmsAtAnyAge() {
    Instant signed = NOW.minus(Duration.ofDays(3));
    TriggerState on = new TriggerState(DrMode.on, signed);
    Outcome later = poll(on, value(DrMode.on, signed));
    assertThat(later.switched()).isFalse();
    assertThat(later.readable()).isTrue();
    assertThat(later.state()).isEqualTo(on);
  }

  @Test
  void aForgedOrEditedValueSwitchesNothing() {
    String forged =
        TriggerRecord.sign(
                "not the policy's key, 32 bytes!!".getBytes(), NAME, DrMode.on, NOW, "abcdefgh")
            .value();
    Outcome outcome = poll(OFF, forged);
    assertThat(outcome.switched()).isFalse();
    assertThat(outcome.readable()).isFalse();
    assertThat(outcome.reason()).isEqualTo("ValueRefused");
    assertThat(outcome.message()).contains("does not verify").endsWith("the mode stays off");
    assertThat(outcome.state()).isEqualTo(OFF);
  }

  @Test
  void aReplayedOldValueCannotSwitchBack() {
    Instant onAt = NOW.minusSeconds(600);
    Instant offAt = NOW.minusSeconds(120);
    TriggerState offAgain = new TriggerState(DrMode.off, offAt);
    // Someone re-publishes the old "on" value after "off" was accepted: still fresh, but older.
    Outcome outcome = poll(offAgain, value(DrMode.on, onAt));
    assertThat(outcome.switched()).isFalse();
    assertThat(outcome.message()).startsWith("replayed");
  }

  @Test
  void aStaleValueCannotSwitchButANewOneCan() {
    Outcome stale = poll(OFF, value(DrMode.on, NOW.minus(Duration.ofMinutes(16))));
    assertThat(stale.switched()).isFalse();
    assertThat(stale.message()).startsWith("stale");
    assertThat(poll(OFF, value(DrMode.on, NOW.minus(Duration.ofMinutes(14)))).switched()).isTrue();
  }

  @Test
  void aValueFromTheFutureIsRefusedBeyondTheSkew() {
    assertThat(poll(OFF, value(DrMode.on, NOW.plus(Duration.ofMinutes(6)))).message())
        .contains("in the future");
    assertThat(poll(OFF, value(DrMode.on, NOW.plus(Duration.ofMinutes(4)))).switched()).isTrue();
  }

  @Test
  void amongSeveralValuesTheNewestValidOneCountsAndOthersAreIgnored() {
    Outcome outcome =
        poll(
            OFF,
            "v=spf1 -all",
            value(DrMode.on, NOW.minusSeconds(300)),
            value(DrMode.off, NOW.minusSeconds(60)),
            "failover-dr=v1; garbage");
    assertThat(outcome.switched()).as("the newest says off, which is the mode").isFalse();
    assertThat(outcome.readable()).isTrue();
    assertThat(outcome.message()).contains("confirms mode=off");
  }

  @Test
  void resolverFailuresKeepTheModeAndSayWhy() {
    TriggerState on = new TriggerState(DrMode.on, NOW.minusSeconds(600));
    Outcome nx = TriggerPolls.after(new Answer.NoSuchName(), KEY, NAME, on, NOW);
    Outcome servfail = TriggerPolls.after(new Answer.Failed("SERVFAIL"), KEY, NAME, on, NOW);
    Outcome timeout =
        TriggerPolls.after(
            new Answer.NoAnswer("no answer from 127.0.0.1:53 within 2s"), KEY, NAME, on, NOW);
    Outcome empty = TriggerPolls.after(new Answer.Values(List.of()), KEY, NAME, on, NOW);
    for (Outcome outcome : List.of(nx, servfail, timeout, empty)) {
      assertThat(outcome.state()).isEqualTo(on);
      assertThat(outcome.switched()).isFalse();
      assertThat(outcome.readable()).isFalse();
      assertThat(outcome.message()).contains("the mode stays on");
    }
    assertThat(nx.reason()).isEqualTo("NoSuchName");
    assertThat(nx.message()).contains("only a signed mode=off value ends");
    assertThat(servfail.reason()).isEqualTo("ResolverError");
    assertThat(servfail.message()).contains("SERVFAIL");
    assertThat(timeout.reason()).isEqualTo("ResolverUnreachable");
    assertThat(empty.message()).startsWith("no failover-dr=v1 value at dr.shop.example");
  }

  @Test
  void aShortKeyIsRefusedWithoutSayingTheKey() {
    Outcome outcome =
        TriggerPolls.after(
            new Answer.Values(List.of(value(DrMode.on, NOW))), "short".getBytes(), NAME, OFF, NOW);
    assertThat(outcome.switched()).isFalse();
    assertThat(outcome.message()).contains("5 bytes; at least 16").doesNotContain("short");
  }
}
