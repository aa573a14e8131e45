package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.failover.EventReason;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.workload.TenancyRule;
import dev.failover.operator.clusters.DataCenterClientFactory;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.observability.FailoverMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverActionExecutorTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final PolicyEvents events = mock(PolicyEvents.class);
  private final FailoverActionExecutor executor =
      new FailoverActionExecutor(
          new WorkloadAppliers(
              new DataCenterConnections(
                  new DataCenterClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1))),
              TenancyRule.namespaceOnly()),
          mock(TrafficPublisher.class),
          events,
          new FailoverMetrics(new SimpleMeterRegistry()),
          java.time.Clock.systemUTC());

  @Test
  void nothingIsReportedWhenAnActionOnADataCenterFails() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    List<FailoverAction> actions =
        List.of(
            new FailoverAction.Emit(EventReason.FailoverCompleted, "done"),
            new FailoverAction.RecordFailover(
                new FailoverRecord(
                    "toronto", "chicago", FailoverReason.Blackout, T0, T0.plusSeconds(2))),
            new FailoverAction.EnsureWorkload("washington", ReplicasMode.Full));

    assertThatThrownBy(() -> executor.run(new FailoverPolicy(), actions, name -> null, status))
        .hasMessageContaining("no connection to data center washington");

    verify(events, never()).emit(any(), anyString(), anyString(), anyBoolean());
    assertThat(status.getHistory()).isEmpty();
  }

  @Test
  void reportsOnceEverythingElseSucceeded() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    FailoverPolicy policy = new FailoverPolicy();

    executor.run(
        policy,
        List.of(
            new FailoverAction.Emit(EventReason.FailoverCompleted, "done"),
            new FailoverAction.RecordFailover(
                new FailoverRecord(
                    "toronto", "chicago", FailoverReason.Blackout, T0, T0.plusSeconds(2)))),
        name -> null,
        status);

    verify(events).emit(policy, "FailoverCompleted", "done", false);
    assertThat(status.getHistory()).hasSize(1);
  }
}
