package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.sla.SlaMoments;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OutboxSlaMomentsTest {
  private static final Instant RAISED = Instant.parse("2026-12-01T08:00:00Z");

  private final SlaMoments events = mock(SlaMoments.class);
  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final OutboxSlaMoments moments = new OutboxSlaMoments(events, outbox);
  private final FailoverPolicy policy = policy();
  private final SlaMoments.AtRisk risk =
      new SlaMoments.AtRisk("uid/SlaAtRisk/" + RAISED, RAISED, "1h/5m", "Page", "99.81", 3_600);

  private static FailoverPolicy policy() {
    FailoverPolicy policy = new FailoverPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName("crm").withNamespace("shop").build());
    return policy;
  }

  private PolicyMoment published() {
    ArgumentCaptor<PolicyMoment> moment = ArgumentCaptor.forClass(PolicyMoment.class);
    verify(outbox).publish(moment.capture());
    return moment.getValue();
  }

  @Test
  void aRiskIsAnEventAndASlaAtRiskNotificationUnderTheLedgersOccurrence() {
    moments.slaAtRiskRaised(policy, risk);

    verify(events).slaAtRiskRaised(policy, risk);
    PolicyMoment moment = published();
    assertThat(moment.type()).isEqualTo(NotificationEventType.SlaAtRisk);
    assertThat(moment.occurrenceId()).isEqualTo(risk.occurrenceId());
    assertThat(moment.occurredAt()).isEqualTo(RAISED);
    assertThat(moment.facts().get(Facts.REASON)).contains("1h/5m").contains("Page");
    assertThat(moment.facts().get(Facts.DETAIL)).contains("99.81%").contains("1h");
  }

  @Test
  void theRisksEndIsAnEventOnly() {
    moments.slaAtRiskCleared(policy, risk, RAISED.plusSeconds(900));
    verify(events).slaAtRiskCleared(policy, risk, RAISED.plusSeconds(900));
    verifyNoInteractions(outbox);
  }

  @Test
  void aCreditDueCarriesItsTermsAndTheMonthsEnd() {
    SlaCredit credit = new SlaCredit();
    credit.setRemedy(Remedy.Refund);
    credit.setCreditPercent(25.0);
    SlaMoments.CreditDue due =
        new SlaMoments.CreditDue("uid/SlaCreditDue/2026-11", YearMonth.of(2026, 11), credit);

    moments.slaCreditDue(policy, due);

    verify(events).slaCreditDue(policy, due);
    PolicyMoment moment = published();
    assertThat(moment.type()).isEqualTo(NotificationEventType.SlaCreditDue);
    assertThat(moment.credit()).containsSame(credit);
    assertThat(moment.occurredAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(moment.occurrenceId()).isEqualTo("uid/SlaCreditDue/2026-11");
  }
}
