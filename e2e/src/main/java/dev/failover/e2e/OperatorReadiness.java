package dev.failover.e2e;

import dev.failover.testbed.Sleep;
import dev.failover.testbed.TestbedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits until a starting operator's {@code /readyz} answers 200, or says why it never did. */
final class OperatorReadiness {
  private static final Duration POLL = Duration.ofMillis(200);

  private OperatorReadiness() {}

  /**
   * Returns how long it took; throws, with the last answer, when the process exits first or the
   * timeout passes.
   */
  static Duration await(Process process, URI readyz, Duration timeout) {
    Instant begin = Instant.now();
    Instant deadline = begin.plus(timeout);
    String lastAnswer = "no answer";
    while (true) {
      if (!process.isAlive()) {
        throw new TestbedException(
            "exited with code " + process.exitValue() + " before it was ready");
      }
      try {
        HttpResponse<String> response = LocalHttp.tryGet(readyz);
        if (response.statusCode() == 200) {
          return Duration.between(begin, Instant.now());
        }
        lastAnswer = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        lastAnswer = e.toString();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new TestbedException(
            "was not ready within "
                + timeout.toSeconds()
                + " s (last answer of "
                + readyz
                + ": "
                + lastAnswer
                + ")");
      }
      Sleep.of(POLL);
    }
  }
}
