package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskTrackerTest {
  private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
  private static final AlertWindow PAGE = BurnRateAlerts.TABLE.get(0);
  private static final AlertWindow TICKET = BurnRateAlerts.TABLE.get(2);

  @Test
  void aFiringRowRaisesTheRiskOnceNamedByItsTime() {
    RiskTracker.Step raised = RiskTracker.next(null, Optional.of(PAGE), T0);
    RiskTracker.Step again = RiskTracker.next(raised.risk(), Optional.of(PAGE), T0.plusSeconds(15));

    assertThat(raised.moment()).contains(new SlaMoment.RiskRaised(new SlaRisk(T0, PAGE, T0)));
    assertThat(again.moment()).isEmpty();
    assertThat(again.risk().raisedAt()).isEqualTo(T0);
    assertThat(again.risk().lastFiringAt()).isEqualTo(T0.plusSeconds(15));
  }

  @Test
  void nothingFiringAndNothingRaisedStaysQuiet() {
    assertThat(RiskTracker.next(null, Optional.empty(), T0))
        .isEqualTo(new RiskTracker.Step(null, Optional.empty()));
  }

  @Test
  void theRiskStaysRaisedUntilNothingHasFiredForTheHoldTime() {
    SlaRisk risk = new SlaRisk(T0, PAGE, T0);

    RiskTracker.Step almost =
        RiskTracker.next(risk, Optional.empty(), T0.plus(RiskTracker.CLEAR_AFTER).minusMillis(1));
    RiskTracker.Step cleared =
        RiskTracker.next(risk, Optional.empty(), T0.plus(RiskTracker.CLEAR_AFTER));

    assertThat(almost.risk()).isEqualTo(risk);
    assertThat(almost.moment()).isEmpty();
    assertThat(cleared.risk()).isNull();
    assertThat(cleared.moment())
        .contains(new SlaMoment.RiskCleared(risk, T0.plus(RiskTracker.CLEAR_AFTER)));
  }

  @Test
  void firingAgainWithinTheHoldTimeKeepsTheSameOccurrence() {
    SlaRisk risk = new SlaRisk(T0, PAGE, T0);
    Instant later = T0.plus(Duration.ofMinutes(10));

    RiskTracker.Step refired = RiskTracker.next(risk, Optional.of(PAGE), later);

    assertThat(refired.moment()).isEmpty();
    assertThat(refired.risk()).isEqualTo(new SlaRisk(T0, PAGE, later));
  }

  @Test
  void aPageWhileATicketIsRaisedEscalatesWithoutASecondRaise() {
    SlaRisk ticket = new SlaRisk(T0, TICKET, T0);

    RiskTracker.Step escalated = RiskTracker.next(ticket, Optional.of(PAGE), T0.plusSeconds(60));
    RiskTracker.Step notLowered =
        RiskTracker.next(escalated.risk(), Optional.of(TICKET), T0.plusSeconds(75));

    assertThat(escalated.moment()).isEmpty();
    assertThat(escalated.risk().window()).isEqualTo(PAGE);
    assertThat(notLowered.risk().window()).isEqualTo(PAGE);
  }
}
