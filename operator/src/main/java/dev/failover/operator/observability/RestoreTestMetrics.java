package dev.failover.operator.observability;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Chaos restore tests: runs by outcome, and how long the workload took to recover from each kind of
 * fault. Labels are bounded (outcome, fault kind): no test, policy or namespace names.
 */
public final class RestoreTestMetrics {
  private final MeterRegistry registry;

  public RestoreTestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A run ended: {@code passed} or {@code failed}. */
  public void completed(boolean passed) {
    Counter.builder("failover_restore_tests")
        .description("Chaos restore test runs that ended, by outcome")
        .tag("outcome", passed ? "passed" : "failed")
        .register(registry)
        .increment();
  }

  /** The workload recovered from a fault after {@code recovery}. */
  public void recovered(FaultKind kind, Duration recovery) {
    Timer.builder("failover_restore_test_fault_recovery")
        .description("Time from a restore test's fault to the test copy being Available again")
        .tag("kind", kind.name())
        .publishPercentileHistogram()
        .serviceLevelObjectives(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2))
        .register(registry)
        .record(recovery);
  }
}
