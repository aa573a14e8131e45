package dev.failover.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.TriggerPolls;
import dev.failover.core.dr.TriggerRecord;
import dev.failover.core.dr.TriggerState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SignDrTriggerTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  @TempDir Path dir;

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code =
          new CommandLine(new SignDrTrigger(Clock.fixed(NOW, ZoneOffset.UTC)))
              .setCaseInsensitiveEnumValuesAllowed(true)
              .execute(args);
      return code + ":" + out.toString(StandardCharsets.UTF_8).strip();
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void printsAValueTheOperatorAccepts() throws Exception {
    byte[] key = "a key the platform team keeps!!!".getBytes(StandardCharsets.US_ASCII);
    Path keyFile = Files.write(dir.resolve("dr.key"), key);

    String printed =
        run("--name", "dr.shop.example", "--mode", "on", "--key-file", keyFile.toString());

    assertThat(printed).startsWith("0:failover-dr=v1; mode=on; ts=" + NOW.getEpochSecond());
    String value = printed.substring(2);
    assertThat(TriggerRecord.parse(value).orElseThrow().signedBy(key, "dr.shop.example")).isTrue();
    TriggerPolls.Outcome outcome =
        TriggerPolls.after(
            new TriggerPolls.Answer.Values(List.of(value)),
            key,
            "dr.shop.example",
            TriggerState.initial(),
            NOW.plusSeconds(20));
    assertThat(outcome.state().mode()).isEqualTo(DrMode.on);
    assertThat(printed).doesNotContain("a key the platform team keeps");
  }

  @Test
  void twoValuesNeverShareANonce() throws Exception {
    Path keyFile = Files.write(dir.resolve("dr.key"), new byte[32]);
    String first =
        run("--name", "dr.shop.example", "--mode", "off", "--key-file", keyFile.toString());
    String second =
        run("--name", "dr.shop.example", "--mode", "off", "--key-file", keyFile.toString());
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aShortKeyIsRefused() throws Exception {
    Path keyFile = Files.write(dir.resolve("dr.key"), "short".getBytes(StandardCharsets.US_ASCII));
    assertThat(run("--name", "dr.shop.example", "--mode", "on", "--key-file", keyFile.toString()))
        .isEqualTo("2:");
  }
}
