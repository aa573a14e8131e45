package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.failoverpolicy.Availability;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicySpec;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.InFlightFailover;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OutboxFailoverMomentsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant DETECTED = NOW.minusSeconds(4);

  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final OutboxFailoverMoments moments = new OutboxFailoverMoments(outbox);

  private static FailoverPolicy policy(String active) {
    FailoverPolicy policy = new FailoverPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName("crm").withNamespace("shop").build());
    policy.setSpec(new FailoverPolicySpec());
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter(active);
    policy.setStatus(status);
    return policy;
  }

  /** A policy whose last recorded move was a failover to {@code to}. */
  private static FailoverPolicy failedOverTo(String to) {
    FailoverPolicy policy = policy(to);
    dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord failover =
        new dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord();
    failover.setType(FailoverType.Failover);
    failover.setFrom("toronto");
    failover.setTo(to);
    policy.getStatus().setHistory(new java.util.ArrayList<>(java.util.List.of(failover)));
    return policy;
  }

  private PolicyMoment published() {
    ArgumentCaptor<PolicyMoment> moment = ArgumentCaptor.forClass(PolicyMoment.class);
    verify(outbox).publish(moment.capture());
    return moment.getValue();
  }

  @Test
  void aStartedFailoverIsToldUnderTheDecisionsIdentityFromTheFailedDataCenter() {
    moments.failoverStarted(
        policy("toronto"),
        "crm.4711.failoverstarted",
        new InFlightFailover(
            "toronto", "chicago", FailoverReason.Blackout, DETECTED, NOW, null, null));

    PolicyMoment moment = published();
    assertThat(moment.type()).isEqualTo(NotificationEventType.FailoverStarted);
    assertThat(moment.occurrenceId()).isEqualTo("crm.4711.failoverstarted");
    assertThat(moment.occurredAt()).as("when the failure was detected").isEqualTo(DETECTED);
    assertThat(moment.namespace()).isEqualTo("shop");
    assertThat(moment.policyName()).isEqualTo("crm");
    assertThat(moment.facts())
        .containsEntry(Facts.FROM_DATA_CENTER, "toronto")
        .containsEntry(Facts.TO_DATA_CENTER, "chicago")
        .as("no English words reach German and Japanese channels")
        .doesNotContainKey(Facts.REASON);
  }

  @Test
  void aCompletedFailoverIsServiceContinuingWhereItMovedTo() {
    FailoverRecord moved =
        new FailoverRecord("toronto", "chicago", FailoverReason.Blackout, DETECTED, NOW);
    moments.moved(policy("toronto"), moved);

    PolicyMoment moment = published();
    assertThat(moment.type()).isEqualTo(NotificationEventType.ServiceContinuing);
    assertThat(moment.occurrenceId()).isEqualTo(moved.key());
    assertThat(moment.occurredAt()).isEqualTo(NOW);
    assertThat(moment.facts())
        .containsEntry(Facts.TO_DATA_CENTER, "chicago")
        .containsEntry(Facts.FROM_DATA_CENTER, "toronto")
        .containsEntry(Facts.RTO, "4s")
        .doesNotContainKey(Facts.REASON);
    assertThat(moment.credit()).isEmpty();
  }

  @Test
  void aFailbackIsRestoredWithTheSlaTermsSoFar() {
    FailoverPolicy policy = failedOverTo("chicago");
    Availability availability = new Availability();
    availability.setMonthToDatePercent(99.9981);
    policy.getStatus().setAvailability(availability);
    moments.moved(
        policy,
        new FailoverRecord("chicago", "toronto", FailoverReason.AutomaticFailback, DETECTED, NOW));

    PolicyMoment moment = published();
    assertThat(moment.type()).isEqualTo(NotificationEventType.Restored);
    assertThat(moment.facts())
        .containsEntry(Facts.DATA_CENTER, "toronto")
        .containsEntry(Facts.TO_DATA_CENTER, "toronto")
        .containsEntry(Facts.MONTH_AVAILABILITY, "99.9981")
        .containsEntry(Facts.AGREED_AVAILABILITY, "99.9");
    assertThat(moment.credit()).isEmpty();
  }

  @Test
  void aRestorationCarriesTheCreditDue() {
    FailoverPolicy policy = failedOverTo("chicago");
    SlaCredit credit = new SlaCredit();
    credit.setRemedy(Remedy.Discount);
    credit.setCreditPercent(10.0);
    policy.getStatus().setSlaCreditDue(credit);
    moments.moved(
        policy,
        new FailoverRecord("chicago", "toronto", FailoverReason.ManualFailback, DETECTED, NOW));

    assertThat(published().credit()).containsSame(credit);
  }

  @Test
  void aFailbackFromAFirstPlacementElsewhereTellsNobody() {
    // Placed in chicago while toronto, the primary, was not ready yet; then moved to toronto.
    moments.moved(
        policy("chicago"),
        new FailoverRecord("chicago", "toronto", FailoverReason.AutomaticFailback, DETECTED, NOW));
    FailoverPolicy afterAnEarlierRestoration = failedOverTo("chicago");
    afterAnEarlierRestoration.getStatus().getHistory().add(0, failback("chicago", "toronto"));
    moments.moved(
        afterAnEarlierRestoration,
        new FailoverRecord("chicago", "toronto", FailoverReason.AutomaticFailback, NOW, NOW));
    verifyNoInteractions(outbox);
  }

  private static dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord failback(
      String from, String to) {
    dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord record =
        new dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord();
    record.setType(FailoverType.Failback);
    record.setFrom(from);
    record.setTo(to);
    return record;
  }

  @Test
  void aFirstPlacementTellsNobody() {
    moments.moved(
        policy(null),
        new FailoverRecord(null, "toronto", FailoverReason.InitialPlacement, DETECTED, NOW));
    verifyNoInteractions(outbox);
  }

  @Test
  void aFailedPublishNeverStopsTheFailover() {
    doThrow(new IllegalStateException("hub unreachable")).when(outbox).publish(any());
    moments.failoverStarted(
        policy("toronto"),
        "crm.1.failoverstarted",
        new InFlightFailover("toronto", null, FailoverReason.Blackout, DETECTED, NOW, null, null));
    moments.moved(
        policy("toronto"),
        new FailoverRecord("toronto", "chicago", FailoverReason.Blackout, DETECTED, NOW));
  }
}
