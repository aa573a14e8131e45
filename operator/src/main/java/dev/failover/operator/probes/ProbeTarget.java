package dev.failover.operator.probes;

import dev.failover.core.health.ProbeResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One thing a probe loop asks "are you there?": an API server, a workload's health endpoint. */
@FunctionalInterface
public interface ProbeTarget {
  /** Completes with the result, never exceptionally for an ordinary failure or a hang. */
  CompletableFuture<ProbeResult> probe(Duration timeout);
}
