package dev.failover.operator.cli;

import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.TriggerRecord;
import dev.failover.core.dr.TriggerVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a signed disaster-recovery trigger value for a DNS TXT record (the format is in {@link
 * TriggerRecord}):
 *
 * <pre>
 * java -cp failover-operator-all.jar dev.failover.operator.cli.SignDrTrigger \
 *     --name dr.shop.example --mode on --key-file dr.key
 * </pre>
 */
@Command(
    name = "sign-dr-trigger",
    mixinStandardHelpOptions = true,
    description =
        "Prints a signed failover-dr=v1 value to publish as the DNS TXT record of a policy's"
            + " disaster-recovery trigger. Publish it within 15 minutes: an older value that would"
            + " switch modes is refused.")
public final class SignDrTrigger implements Callable<Integer> {
  @Option(
      names = "--name",
      required = true,
      description = "The TXT record's name, e.g. dr.shop.example.")
  String name;

  @Option(names = "--mode", required = true, description = "on or off.")
  DrMode mode;

  @Option(
      names = "--key-file",
      required = true,
      description = "File holding the HMAC key: the bytes of the Secret's key (at least 16).")
  Path keyFile;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public SignDrTrigger() {
    this(Clock.systemUTC());
  }

  SignDrTrigger(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    byte[] key = Files.readAllBytes(keyFile);
    if (key.length < TriggerVerifier.MIN_KEY_BYTES) {
      System.err.println(
          "sign-dr-trigger: the key has "
              + key.length
              + " bytes; the operator refuses keys under "
              + TriggerVerifier.MIN_KEY_BYTES);
      return 2;
    }
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    System.out.println(
        TriggerRecord.sign(
                key,
                name,
                mode,
                clock.instant(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
            .value());
    return 0;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new SignDrTrigger())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
  }
}
