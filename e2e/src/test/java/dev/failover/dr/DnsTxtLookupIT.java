package dev.failover.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.TriggerPolls;
import dev.failover.core.dr.TriggerPolls.Answer;
import dev.failover.core.dr.TriggerRecord;
import dev.failover.core.dr.TriggerState;
import dev.failover.operator.dr.DnsTxtLookup;
import dev.failover.testbed.LoopbackPorts;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disaster-recovery trigger's record read from a real BIND 9 server on 127.0.0.1, whose records
 * change with nsupdate: a signed value switches the mode on and off through the wire, and every way
 * a resolver can fail (NXDOMAIN, SERVFAIL, REFUSED, no answer, no value) keeps the mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsTxtLookupIT {
  private static final byte[] KEY =
      "a key the platform team keeps!!!".getBytes(StandardCharsets.US_ASCII);
  private static final String TRIGGER = "dr.shop.example";
  private static final Duration TIMEOUT = Duration.ofMillis(700);

  private Bind9 bind;
  private final DnsTxtLookup lookup = new DnsTxtLookup(TIMEOUT);

  @BeforeAll
  void startNamed(@TempDir Path dir) throws Exception {
    bind = Bind9.start(dir);
  }

  @AfterAll
  void stopNamed() {
    if (bind != null) {
      bind.close();
    }
  }

  private Answer ask(String name) {
    return lookup.lookup(name, Optional.of(bind.address()));
  }

  private static String signed(DrMode mode) {
    return TriggerRecord.sign(KEY, TRIGGER, mode, Instant.now(), "n" + System.nanoTime()).value();
  }

  @Test
  void aSignedValueSwitchesTheModeOnAndOffThroughTheWire() throws Exception {
    String on = signed(DrMode.on);
    bind.setTxt(TRIGGER, List.of(List.of("v=spf1 -all"), List.of(on)));
    Answer answer = ask(TRIGGER);
    assertThat(answer).isInstanceOf(Answer.Values.class);
    assertThat(((Answer.Values) answer).values()).contains(on, "v=spf1 -all");
    TriggerPolls.Outcome entered =
        TriggerPolls.after(answer, KEY, TRIGGER, TriggerState.initial(), Instant.now());
    assertThat(entered.state().mode()).isEqualTo(DrMode.on);

    // The record deleted: no value, the mode stays on.
    bind.deleteTxt(TRIGGER);
    TriggerPolls.Outcome deleted =
        TriggerPolls.after(ask(TRIGGER), KEY, TRIGGER, entered.state(), Instant.now());
    assertThat(deleted.state().mode()).isEqualTo(DrMode.on);
    assertThat(deleted.readable()).isFalse();

    Thread.sleep(1_100); // a later signing second than the "on" value
    bind.setTxt(TRIGGER, List.of(List.of(signed(DrMode.off))));
    TriggerPolls.Outcome left =
        TriggerPolls.after(ask(TRIGGER), KEY, TRIGGER, entered.state(), Instant.now());
    assertThat(left.switched()).isTrue();
    assertThat(left.state().mode()).isEqualTo(DrMode.off);

    // The old "on" value published again: a replay, refused.
    bind.setTxt(TRIGGER, List.of(List.of(on)));
    TriggerPolls.Outcome replayed =
        TriggerPolls.after(ask(TRIGGER), KEY, TRIGGER, left.state(), Instant.now());
    assertThat(replayed.state().mode()).isEqualTo(DrMode.off);
    assertThat(replayed.message()).startsWith("replayed");
  }

  @Test
  void aValueSplitIntoSeveralStringsIsJoined() throws Exception {
    String first = "x".repeat(255);
    String second = "y".repeat(45);
    bind.setTxt("long.shop.example", List.of(List.of(first, second)));
    assertThat(ask("long.shop.example")).isEqualTo(new Answer.Values(List.of(first + second)));
  }

  @Test
  void anAnswerTooLargeForUdpComesOverTcp() throws Exception {
    List<List<String>> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(List.of(i + "-" + "z".repeat(200)));
    }
    bind.setTxt("large.shop.example", records);
    Answer answer = ask("large.shop.example");
    assertThat(((Answer.Values) answer).values()).hasSize(12);
  }

  @Test
  void theResolversFailuresAreToldApart() {
    assertThat(ask("absent.shop.example")).isEqualTo(new Answer.NoSuchName());
    assertThat(ask("dr.broken.example")).isEqualTo(new Answer.Failed("SERVFAIL"));
    assertThat(ask("dr.other.example"))
        .as("not authoritative, no recursion")
        .isEqualTo(new Answer.Failed("REFUSED"));
  }

  @Test
  void aResolverThatNeverAnswersIsNoAnswerWithinTheTimeouts() throws Exception {
    int port = LoopbackPorts.free();
    // Takes the queries and answers none; nothing listens on TCP.
    try (DatagramSocket silent = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
      Instant start = Instant.now();
      Answer answer = lookup.lookup(TRIGGER, Optional.of("127.0.0.1:" + port));
      assertThat(answer).isInstanceOf(Answer.NoAnswer.class);
      assertThat(((Answer.NoAnswer) answer).why())
          .startsWith("no answer from 127.0.0.1:" + port + " within 700ms over UDP or TCP");
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }
  }
}
