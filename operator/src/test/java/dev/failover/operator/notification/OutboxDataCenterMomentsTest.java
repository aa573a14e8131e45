package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.datacenter.Exclusion;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OutboxDataCenterMomentsTest {
  private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  private List<FailoverPolicy> inTheHub = List.of();
  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final OutboxDataCenterMoments moments =
      new OutboxDataCenterMoments(
          () -> inTheHub, outbox, Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC));

  private static DataCenterStatus status(DataCenterPhase phase) {
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(phase);
    status.setLastTransitionTime(AT.toString());
    return status;
  }

  private static DataCenter washington() {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName("washington").build());
    DataCenterSpec spec = new DataCenterSpec();
    Exclusion exclusion = new Exclusion();
    exclusion.setReason("maintenance of the cooling");
    exclusion.setUntil("2026-12-01T18:00:00Z");
    spec.setExclusion(exclusion);
    dataCenter.setSpec(spec);
    return dataCenter;
  }

  private static FailoverPolicy policy(
      String namespace, String name, String primary, String... secondaries) {
    FailoverPolicy policy =
        new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
            .unmarshal(
                """
                apiVersion: failover.dev/v1alpha1
                kind: FailoverPolicy
                metadata: {name: %s, namespace: %s}
                spec:
                  placement: {primary: %s, secondaries: [%s]}
                  workload: {manifests: []}
                """
                    .formatted(name, namespace, primary, String.join(", ", secondaries)),
                FailoverPolicy.class);
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter(primary);
    policy.setStatus(status);
    return policy;
  }

  @Test
  void anExclusionIsToldToEveryPolicyPlacedThereOnceUnderItsTransition() {
    inTheHub =
        List.of(
            policy("shop", "crm", "toronto", "washington"),
            policy("bank", "ledger", "toronto", "chicago"));

    moments.statusChanged(
        washington(), status(DataCenterPhase.Healthy), status(DataCenterPhase.Excluded));

    ArgumentCaptor<PolicyMoment> told = ArgumentCaptor.forClass(PolicyMoment.class);
    verify(outbox).publish(told.capture());
    PolicyMoment moment = told.getValue();
    assertThat(moment.type()).isEqualTo(NotificationEventType.DataCenterExcluded);
    assertThat(moment.namespace()).isEqualTo("shop");
    assertThat(moment.policyName()).isEqualTo("crm");
    assertThat(moment.occurredAt()).isEqualTo(AT);
    assertThat(moment.occurrenceId()).isEqualTo("washington/DataCenterExcluded/" + AT);
    assertThat(moment.facts())
        .containsEntry(Facts.DATA_CENTER, "washington")
        .containsEntry(Facts.REASON, "maintenance of the cooling")
        .containsEntry(Facts.UNTIL, "2026-12-01T18:00:00Z")
        .containsEntry(Facts.TO_DATA_CENTER, "toronto");
  }

  @Test
  void theReturnFromAnExclusionIsReadmitted() {
    inTheHub = List.of(policy("shop", "crm", "toronto", "washington"));

    moments.statusChanged(
        washington(), status(DataCenterPhase.Excluded), status(DataCenterPhase.Healthy));

    ArgumentCaptor<PolicyMoment> told = ArgumentCaptor.forClass(PolicyMoment.class);
    verify(outbox, times(1)).publish(told.capture());
    assertThat(told.getValue().type()).isEqualTo(NotificationEventType.DataCenterReadmitted);
    assertThat(told.getValue().facts()).doesNotContainKey(Facts.REASON);
  }

  @Test
  void otherChangesTellNobody() {
    moments.statusChanged(
        washington(), status(DataCenterPhase.Healthy), status(DataCenterPhase.Unreachable));
    moments.statusChanged(washington(), null, status(DataCenterPhase.Pending));
    moments.statusChanged(
        washington(), status(DataCenterPhase.Excluded), status(DataCenterPhase.Excluded));
    verifyNoInteractions(outbox);
  }
}
