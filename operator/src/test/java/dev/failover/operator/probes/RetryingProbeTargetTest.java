package dev.failover.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.health.ProbeResult;
import dev.failover.core.pool.PoolRetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetryingProbeTargetTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final ProbeResult OK = ProbeResult.succeeded(AT, Duration.ofMillis(5));
  private static final ProbeResult REFUSED = ProbeResult.refused(AT, Duration.ofMillis(1));

  /** Answers from a script, then refuses; records the timeouts it was given. */
  private static final class Scripted implements ProbeTarget {
    final Deque<ProbeResult> script = new ArrayDeque<>();
    final List<Duration> timeouts = new ArrayList<>();

    Scripted(ProbeResult... answers) {
      script.addAll(List.of(answers));
    }

    @Override
    public CompletableFuture<ProbeResult> probe(Duration timeout) {
      timeouts.add(timeout);
      return CompletableFuture.completedFuture(script.isEmpty() ? REFUSED : script.poll());
    }
  }

  @Test
  void aLostTryIsRetriedAndTheProbeSucceeds() {
    Scripted endpoint = new Scripted(REFUSED, OK);
    RetryingProbeTarget target =
        new RetryingProbeTarget(endpoint, new PoolRetry(Duration.ofMillis(300), 2, 20));

    ProbeResult result = target.probe(Duration.ofMillis(300)).join();

    assertThat(result.ok()).isTrue();
    assertThat(endpoint.timeouts).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300));
  }

  @Test
  void aDownPoolIsTriedAtMostOncePlusItsRetriesAndThenOnlyWithinTheBudget() {
    Scripted endpoint = new Scripted();
    RetryingProbeTarget target =
        new RetryingProbeTarget(endpoint, new PoolRetry(Duration.ofMillis(300), 2, 20));

    assertThat(target.probe(Duration.ofMillis(300)).join().ok()).isFalse();
    assertThat(endpoint.timeouts).as("first try and both retries").hasSize(3);
    assertThat(target.probe(Duration.ofMillis(300)).join().ok()).isFalse();
    assertThat(endpoint.timeouts).as("the budget is spent: one try only").hasSize(4);
  }

  @Test
  void noRetriesMeansOneTry() {
    Scripted endpoint = new Scripted(REFUSED, OK);
    RetryingProbeTarget target =
        new RetryingProbeTarget(endpoint, new PoolRetry(Duration.ofMillis(300), 0, 100));

    assertThat(target.probe(Duration.ofMillis(300)).join().ok()).isFalse();
    assertThat(endpoint.timeouts).hasSize(1);
  }
}
