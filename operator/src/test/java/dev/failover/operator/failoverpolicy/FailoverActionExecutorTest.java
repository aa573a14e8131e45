package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.failover.EventReason;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.InFlightFailover;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.workload.TenancyRule;
import dev.failover.operator.clusters.DataCenterClientFactory;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.observability.FailoverMetrics;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailoverActionExecutorTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final PolicyEvents events = mock(PolicyEvents.class);
  private final TrafficPublisher traffic = mock(TrafficPublisher.class);
  private final List<String> steps = new ArrayList<>();
  private final FailoverActionExecutor executor =
      new FailoverActionExecutor(
          new WorkloadAppliers(
              new DataCenterConnections(
                  new DataCenterClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1))),
              TenancyRule.namespaceOnly()),
          traffic,
          events,
          new FailoverMetrics(new SimpleMeterRegistry()),
          clock());
  private final FailoverPolicy policy = Policies.crm();
  private final Map<String, DataCenter> dataCenters =
      Map.of(
          "toronto", Policies.dataCenter("toronto", "10.0.0.1"),
          "chicago", Policies.dataCenter("chicago", "10.0.0.2"),
          "washington", Policies.dataCenter("washington", "10.0.0.3"));

  /** Failing over from Toronto to Chicago, at the switch; Washington is a bystander. */
  private static FailoverProgress switchingToChicago() {
    return new FailoverProgress(
            FailoverPhase.FailingOver,
            "toronto",
            null,
            FailoverStep.SwitchTraffic,
            new InFlightFailover("toronto", "chicago", FailoverReason.Blackout, T0, T0, null),
            null,
            Set.of())
        .activeIn("chicago");
  }

  @Test
  void aFailingBystanderNeverHoldsUpTheTrafficSwitch() {
    // Listed first, as a standby earlier in the placement would be; it has no connection.
    List<FailoverAction> actions =
        List.of(
            new FailoverAction.EnsureWorkload("washington", ReplicasMode.ScaledDown),
            new FailoverAction.PointTrafficAt("chicago"));

    FailoverActionExecutor.Outcome outcome =
        executor.act(policy, actions, switchingToChicago(), dataCenters::get, steps::add);

    verify(traffic).publish(policy, dataCenters.get("chicago"));
    assertThat(outcome.requiredFailed()).isFalse();
    assertThat(outcome.failures())
        .extracting(FailoverActionExecutor.Failure::describe)
        .containsExactly(
            "washington: IllegalStateException: no connection to data center washington");
    assertThat(steps)
        .as("what the move needs goes first")
        .containsExactly(
            "PointTrafficAt[dataCenter=chicago]",
            "EnsureWorkload[dataCenter=washington, replicas=ScaledDown]");
  }

  @Test
  void aFailureInTheTargetIsRequiredAndTheRestStillRuns() {
    List<FailoverAction> actions =
        List.of(
            new FailoverAction.EnsureWorkload("chicago", ReplicasMode.Full),
            new FailoverAction.PointTrafficAt("chicago"));

    FailoverActionExecutor.Outcome outcome =
        executor.act(policy, actions, switchingToChicago(), dataCenters::get, steps::add);

    assertThat(outcome.requiredFailed()).isTrue();
    assertThat(outcome.of(true))
        .extracting(FailoverActionExecutor.Failure::target)
        .containsExactly("chicago");
    verify(traffic).publish(policy, dataCenters.get("chicago"));
  }

  @Test
  void aFailingDataCenterIsRetriedWithBackOffNotOnEveryDecision() {
    List<FailoverAction> actions =
        List.of(new FailoverAction.EnsureWorkload("washington", ReplicasMode.ScaledDown));

    executor.act(policy, actions, switchingToChicago(), dataCenters::get, steps::add);
    now.set(T0.plusMillis(200));
    FailoverActionExecutor.Outcome waiting =
        executor.act(policy, actions, switchingToChicago(), dataCenters::get, steps::add);
    now.set(T0.plus(ActionBackoff.FIRST));
    executor.act(policy, actions, switchingToChicago(), dataCenters::get, steps::add);

    assertThat(steps).as("tried, skipped while backing off, tried again").hasSize(2);
    assertThat(waiting.failures())
        .extracting(FailoverActionExecutor.Failure::describe)
        .containsExactly(
            "washington: IllegalStateException: no connection to data center washington"
                + " (retrying with back-off)");
  }

  @Test
  void aFailedEventNeverStopsTheReportNorTheRecord() {
    when(events.emit(any(), anyString(), anyString(), anyString(), anyBoolean())).thenReturn(false);
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    executor.report(
        policy,
        List.of(
            new FailoverAction.Emit(EventReason.FenceDeferred, "toronto cannot be reached"),
            new FailoverAction.RecordFailover(
                new FailoverRecord(
                    "toronto", "chicago", FailoverReason.Blackout, T0, T0.plusSeconds(2))),
            new FailoverAction.Emit(EventReason.FailoverCompleted, "done")),
        status,
        steps::add);

    assertThat(status.getHistory()).hasSize(1);
    verify(events).emit(eq(policy), anyString(), eq("FailoverCompleted"), eq("done"), eq(false));
    assertThat(steps).containsExactly("Event FenceDeferred", "Event FailoverCompleted");
  }

  @Test
  void eventsAreNamedAfterThePersistedStatusSoARetryReusesTheName() {
    FailoverPolicy persisted = Policies.crm();
    persisted.getMetadata().setResourceVersion("4711");
    List<String> names = new ArrayList<>();
    when(events.emit(any(), anyString(), anyString(), anyString(), anyBoolean()))
        .thenAnswer(
            call -> {
              names.add(call.getArgument(1));
              return true;
            });
    List<FailoverAction> story =
        List.of(
            new FailoverAction.Emit(EventReason.Fenced, "toronto is back and fenced"),
            new FailoverAction.Emit(EventReason.Fenced, "washington is back and fenced"));

    executor.report(persisted, story, new FailoverPolicyStatus(), step -> {});
    executor.report(persisted, story, new FailoverPolicyStatus(), step -> {});

    assertThat(names)
        .containsExactly(
            "crm.4711.fenced", "crm.4711.fenced-1", "crm.4711.fenced", "crm.4711.fenced-1");
  }

  @Test
  void theMomentsOfAFailoverAreReportedWithAnIdentityARetryRepeats() {
    FailoverMoments moments = mock(FailoverMoments.class);
    FailoverActionExecutor withMoments =
        new FailoverActionExecutor(
            new WorkloadAppliers(
                new DataCenterConnections(
                    new DataCenterClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1))),
                TenancyRule.namespaceOnly()),
            traffic,
            events,
            new FailoverMetrics(new SimpleMeterRegistry()),
            moments,
            clock());
    FailoverPolicy persisted = Policies.crm();
    persisted.getMetadata().setResourceVersion("4711");
    FailoverRecord moved =
        new FailoverRecord("toronto", "chicago", FailoverReason.Blackout, T0, T0.plusSeconds(2));
    List<FailoverAction> story =
        List.of(
            new FailoverAction.Emit(EventReason.FailoverStarted, "toronto is unreachable"),
            new FailoverAction.Emit(EventReason.Fenced, "toronto is fenced"),
            new FailoverAction.RecordFailover(moved));

    InFlightFailover move =
        new InFlightFailover("toronto", "chicago", FailoverReason.Blackout, T0, T0, null, null);
    // A retry from the same persisted state, after a crash before its status was written.
    withMoments.report(persisted, story, new FailoverPolicyStatus(), step -> {}, move);
    withMoments.report(persisted, story, new FailoverPolicyStatus(), step -> {}, move);

    verify(moments, org.mockito.Mockito.times(2))
        .failoverStarted(persisted, "crm.4711.failoverstarted", move);
    verify(moments, org.mockito.Mockito.times(2)).moved(persisted, moved);
    org.mockito.Mockito.verifyNoMoreInteractions(moments);

    // Once the record is in the persisted history, it is not a new moment.
    FailoverPolicyStatus recorded = new FailoverPolicyStatus();
    withMoments.report(
        persisted, List.of(new FailoverAction.RecordFailover(moved)), recorded, s -> {});
    withMoments.report(
        persisted, List.of(new FailoverAction.RecordFailover(moved)), recorded, s -> {});
    verify(moments, org.mockito.Mockito.times(3)).moved(persisted, moved);
  }

  @Test
  void anUnexpectedFailureOfAnActionIsCondensedNotThrown() {
    doThrow(
            new KubernetesClientException(
                "Failure executing: PATCH at: https://hub/apis/externaldns.k8s.io/... "
                    + "x".repeat(5000)))
        .when(traffic)
        .publish(any(), any());

    FailoverActionExecutor.Outcome outcome =
        executor.act(
            policy,
            List.of(new FailoverAction.PointTrafficAt("chicago")),
            switchingToChicago(),
            dataCenters::get,
            steps::add);

    assertThat(outcome.of(true)).hasSize(1);
    assertThat(outcome.of(true).get(0).error()).hasSizeLessThanOrEqualTo(ActionErrors.MAX_LENGTH);
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }
}
