package dev.failover.operator.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecoveryStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.TriggerRecordMode;
import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.PolicyMode;
import dev.failover.core.dr.TriggerPolls.Answer;
import dev.failover.core.dr.TriggerRecord;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.observability.DisasterRecoveryMetrics;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDisasterRecoveryTest {
  private static final byte[] KEY =
      "a key the platform team keeps!!!".getBytes(StandardCharsets.UTF_8);
  private static final String NAME = "dr.shop.example";
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final DnsTriggerPoller.Target TARGET =
      new DnsTriggerPoller.Target(NAME, Optional.of("127.0.0.1:5353"));

  private final DnsTriggerPoller poller = mock(DnsTriggerPoller.class);
  private final TriggerKeys keys = mock(TriggerKeys.class);
  private final DisasterRecoveryMoments moments = mock(DisasterRecoveryMoments.class);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DataCenterConnections connections = mock(DataCenterConnections.class);
  private final DrEgress egress = mock(DrEgress.class);
  private final PolicyDisasterRecovery disasterRecovery =
      new PolicyDisasterRecovery(
          poller,
          keys,
          moments,
          new DisasterRecoveryMetrics(registry),
          connections,
          egress,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static FailoverPolicy policy(String trigger) {
    return new KubernetesSerialization()
        .unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: crm, namespace: shop, uid: u-1}
            spec:
              riderRef: {kind: SaasRider, name: crm}
              placement: {primary: toronto, secondaries: [chicago]}
              disasterRecovery:
                trigger: %s
                egress: FailClosed
              workload:
                criticalApplications: [crm-db]
                manifests:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: crm-web}
                    spec: {replicas: 3}
                  - apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: crm-db}
                    spec: {replicas: 1}
            """
                .formatted(trigger),
            FailoverPolicy.class);
  }

  private static FailoverPolicy dnsPolicy() {
    return policy(
        "{dnsTxt: {name: "
            + NAME
            + ", resolver: \"127.0.0.1:5353\", pollInterval: 2s,"
            + " hmacSecretRef: {name: dr-trigger, key: key}}}");
  }

  private void answers(long sequence, String... values) {
    when(poller.latest(TARGET))
        .thenReturn(
            Optional.of(
                new DnsTriggerPoller.Poll(new Answer.Values(List.of(values)), NOW, sequence)));
  }

  private void keyPresent() {
    when(keys.read(eq("shop"), any(SecretKeyRef.class))).thenReturn(TriggerKeys.Key.of(KEY));
  }

  private static String signed(DrMode mode, Instant at) {
    return TriggerRecord.sign(KEY, NAME, mode, at, "nonce" + at.getEpochSecond()).value();
  }

  private static Condition condition(FailoverPolicyStatus status, String type) {
    return status.condition(type).orElseThrow();
  }

  @Test
  void aSignedOnValueSwitchesTheModeOnAndRecordsWhatSwitchedIt() {
    keyPresent();
    answers(1, signed(DrMode.on, NOW.minusSeconds(10)));
    FailoverPolicy policy = dnsPolicy();
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter("toronto");

    assertThat(disasterRecovery.note(policy, status, null)).isTrue();

    DisasterRecoveryStatus dr = status.getDisasterRecovery();
    assertThat(dr.getActive()).isTrue();
    assertThat(dr.getSince()).isEqualTo(NOW.toString());
    assertThat(dr.getReason()).isEqualTo(PolicyMode.SIGNED_RECORD);
    assertThat(dr.getRecordMode()).isEqualTo(TriggerRecordMode.on);
    assertThat(dr.getRecordSwitchedBy()).isEqualTo(NOW.minusSeconds(10).toString());
    assertThat(dr.getLastVerifiedSignedAt()).isEqualTo(NOW.minusSeconds(10).toString());
    assertThat(dr.getLastPollResult()).isEqualTo("Verified");
    assertThat(dr.getHeldAtZero()).containsExactly("crm-web");
    assertThat(status.getDisasterRecoveryActive()).isTrue();
    assertThat(condition(status, PolicyDisasterRecovery.ACTIVE).getStatus()).isEqualTo("True");
    assertThat(condition(status, PolicyDisasterRecovery.TRIGGER_READABLE).getStatus())
        .isEqualTo("True");
    verify(poller).watch(any(), eq(TARGET), eq(java.time.Duration.ofSeconds(2)));
    verify(moments).switched(eq(policy), any(PolicyMode.class), eq("toronto"));
    assertThat(registry.get("failover_disaster_recovery_active").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get("failover_disaster_recovery_switches").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aPollIsFoldedOnceAndTheModeDoesNotSwitchTwice() {
    keyPresent();
    answers(7, signed(DrMode.on, NOW.minusSeconds(10)));
    FailoverPolicy policy = dnsPolicy();
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    disasterRecovery.note(policy, status, null);

    assertThat(disasterRecovery.note(policy, status, null)).isFalse();

    verify(keys, times(1)).read(anyString(), any());
    verify(moments, times(1)).switched(any(), any(), any());
  }

  @Test
  void aForgedValueIsRefusedWithAReasonAndSwitchesNothing() {
    keyPresent();
    String forged =
        TriggerRecord.sign(
                "someone else's key, 32 bytes!!!!".getBytes(StandardCharsets.UTF_8),
                NAME,
                DrMode.on,
                NOW,
                "abcdefgh")
            .value();
    answers(1, forged);
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    assertThat(disasterRecovery.note(dnsPolicy(), status, null)).isFalse();

    assertThat(status.getDisasterRecovery().getActive()).isFalse();
    Condition readable = condition(status, PolicyDisasterRecovery.TRIGGER_READABLE);
    assertThat(readable.getStatus()).isEqualTo("False");
    assertThat(readable.getReason()).isEqualTo("ValueRefused");
    assertThat(readable.getMessage()).contains("does not verify").endsWith("the mode stays off");
    verify(moments, never()).switched(any(), any(), any());
  }

  @Test
  void aMissingKeyIsAClearConditionAndKeepsTheMode() {
    when(keys.read(eq("shop"), any()))
        .thenReturn(TriggerKeys.Key.none("KeyMissing", "Secret shop/dr-trigger is missing"));
    answers(1, signed(DrMode.on, NOW));
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    assertThat(disasterRecovery.note(dnsPolicy(), status, null)).isFalse();

    Condition readable = condition(status, PolicyDisasterRecovery.TRIGGER_READABLE);
    assertThat(readable.getReason()).isEqualTo("KeyMissing");
    assertThat(readable.getMessage())
        .isEqualTo("Secret shop/dr-trigger is missing; the mode stays off");
    assertThat(status.getDisasterRecovery().getActive()).isFalse();
  }

  @Test
  void aResolverOutageKeepsDisasterRecoveryModeOn() {
    keyPresent();
    when(poller.latest(TARGET))
        .thenReturn(
            Optional.of(new DnsTriggerPoller.Poll(new Answer.NoAnswer("no answer"), NOW, 3)));
    FailoverPolicyStatus status = persistedOn(NOW.minusSeconds(600));

    assertThat(disasterRecovery.note(dnsPolicy(), status, null)).isFalse();

    assertThat(status.getDisasterRecovery().getActive()).isTrue();
    assertThat(status.getDisasterRecovery().getSince()).isEqualTo(NOW.minusSeconds(500).toString());
    assertThat(condition(status, PolicyDisasterRecovery.TRIGGER_READABLE).getReason())
        .isEqualTo("ResolverUnreachable");
  }

  @Test
  void aRestartedOperatorRefusesAReplayedValueFromThePersistedStatus() {
    keyPresent();
    Instant onAt = NOW.minusSeconds(300);
    Instant offAt = NOW.minusSeconds(60);
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    DisasterRecoveryStatus dr = new DisasterRecoveryStatus();
    dr.setActive(false);
    dr.setSince(offAt.toString());
    dr.setReason(PolicyMode.NORMAL);
    dr.setRecordMode(TriggerRecordMode.off);
    dr.setRecordSwitchedBy(offAt.toString());
    status.setDisasterRecovery(dr);
    answers(1, signed(DrMode.on, onAt));

    assertThat(disasterRecovery.note(dnsPolicy(), status, null)).isFalse();

    assertThat(status.getDisasterRecovery().getActive()).isFalse();
    assertThat(condition(status, PolicyDisasterRecovery.TRIGGER_READABLE).getMessage())
        .startsWith("replayed");
  }

  @Test
  void aSignedOffValueEndsTheMode() {
    keyPresent();
    answers(4, signed(DrMode.off, NOW.minusSeconds(5)));
    FailoverPolicyStatus status = persistedOn(NOW.minusSeconds(600));

    assertThat(disasterRecovery.note(dnsPolicy(), status, null)).isTrue();

    assertThat(status.getDisasterRecovery().getActive()).isFalse();
    assertThat(status.getDisasterRecovery().getHeldAtZero()).isEmpty();
    assertThat(status.getDisasterRecovery().getRecordMode()).isEqualTo(TriggerRecordMode.off);
    assertThat(condition(status, PolicyDisasterRecovery.ACTIVE).getReason())
        .isEqualTo(PolicyMode.NORMAL);
  }

  @Test
  void theManualSwitchTurnsTheModeOnAndOffWithoutADnsTrigger() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    assertThat(disasterRecovery.note(policy("{manual: true}"), status, null)).isTrue();
    assertThat(status.getDisasterRecovery().getReason()).isEqualTo(PolicyMode.MANUAL_SWITCH);
    assertThat(status.getDisasterRecovery().getActive()).isTrue();

    assertThat(disasterRecovery.note(policy("{manual: false}"), status, null)).isTrue();
    assertThat(status.getDisasterRecovery().getActive()).isFalse();
    verify(poller, never()).watch(any(), any(), any());
    verify(moments, times(2)).switched(any(), any(), any());
  }

  @Test
  void aPolicyWithoutDisasterRecoveryGetsNoStatus() {
    FailoverPolicy policy = dnsPolicy();
    policy.getSpec().setDisasterRecovery(null);
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    assertThat(disasterRecovery.note(policy, status, null)).isFalse();

    assertThat(status.getDisasterRecovery()).isNull();
  }

  @Test
  void theEgressPostureGoesOnWhereTheWorkloadIsServedAndComesOffWhenTheModeEnds() {
    KubernetesClient toronto = mock(KubernetesClient.class);
    when(connections.client("toronto")).thenReturn(Optional.of(toronto));
    when(egress.enter(any(), any(), any())).thenReturn(DrEgress.Entered.COMPLETE);
    FailoverPolicy policy = policy("{manual: true}");
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter("toronto");
    disasterRecovery.note(policy, status, null);

    disasterRecovery.egress(policy, status, Map.of());
    disasterRecovery.egress(policy, status, Map.of());

    verify(egress, times(1)).enter(policy, "toronto", toronto);
    assertThat(status.getDisasterRecovery().getEgressDataCenters()).containsExactly("toronto");

    FailoverPolicy off = policy("{manual: false}");
    disasterRecovery.note(off, status, null);
    disasterRecovery.egress(off, status, Map.of());

    verify(egress).leave(off, "toronto", toronto);
    assertThat(status.getDisasterRecovery().getEgressDataCenters()).isEmpty();
  }

  @Test
  void aPostureIsBroughtUpToDateWhenItsRefreshIsDueAndItsProblemsAreInStatus() {
    KubernetesClient toronto = mock(KubernetesClient.class);
    when(connections.client("toronto")).thenReturn(Optional.of(toronto));
    when(egress.enter(any(), any(), any()))
        .thenReturn(
            new DrEgress.Entered(
                Optional.of(NOW.minusSeconds(1)),
                List.of("api.payments.example: no answer; its last addresses are kept")));
    FailoverPolicy policy = policy("{manual: true}");
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter("toronto");
    disasterRecovery.note(policy, status, null);

    disasterRecovery.egress(policy, status, Map.of());
    disasterRecovery.egress(policy, status, Map.of());

    verify(egress, times(2)).enter(policy, "toronto", toronto);
    assertThat(status.getDisasterRecovery().getEgressDataCenters()).containsExactly("toronto");
    assertThat(status.getDisasterRecovery().getEgressProblems())
        .containsExactly("toronto: api.payments.example: no answer; its last addresses are kept");
  }

  @Test
  void aPostureNotDueForRefreshIsLeftAlone() {
    KubernetesClient toronto = mock(KubernetesClient.class);
    when(connections.client("toronto")).thenReturn(Optional.of(toronto));
    when(egress.enter(any(), any(), any()))
        .thenReturn(new DrEgress.Entered(Optional.of(NOW.plusSeconds(60)), List.of()));
    FailoverPolicy policy = policy("{manual: true}");
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter("toronto");
    disasterRecovery.note(policy, status, null);

    disasterRecovery.egress(policy, status, Map.of());
    disasterRecovery.egress(policy, status, Map.of());

    verify(egress, times(1)).enter(policy, "toronto", toronto);
    assertThat(status.getDisasterRecovery().getEgressProblems()).isEmpty();
  }

  @Test
  void aFailedEgressCallIsNotRecordedSoItIsTriedAgain() {
    KubernetesClient toronto = mock(KubernetesClient.class);
    when(connections.client("toronto")).thenReturn(Optional.of(toronto));
    FailoverPolicy policy = policy("{manual: true}");
    doThrow(new IllegalStateException("refused")).when(egress).enter(any(), any(), any());
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter("toronto");
    disasterRecovery.note(policy, status, null);

    disasterRecovery.egress(policy, status, Map.of());

    assertThat(status.getDisasterRecovery().getEgressDataCenters()).isEmpty();
  }

  private static FailoverPolicyStatus persistedOn(Instant switchedBy) {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    DisasterRecoveryStatus dr = new DisasterRecoveryStatus();
    dr.setActive(true);
    dr.setSince(switchedBy.plusSeconds(100).toString());
    dr.setReason(PolicyMode.SIGNED_RECORD);
    dr.setRecordMode(TriggerRecordMode.on);
    dr.setRecordSwitchedBy(switchedBy.toString());
    status.setDisasterRecovery(dr);
    return status;
  }
}
