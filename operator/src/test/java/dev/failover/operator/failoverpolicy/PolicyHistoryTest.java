package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolicyHistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void recordsAMoveWithItsMeasuredRtoAsTheLastFailover() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    boolean added =
        PolicyHistory.add(
            status,
            new FailoverRecord(
                "toronto", "chicago", FailoverReason.Blackout, T0, T0.plusMillis(4200)));

    assertThat(added).isTrue();
    assertThat(status.getLastFailover().getMeasuredRtoMillis()).isEqualTo(4200L);
    assertThat(status.getLastFailover().getType()).isEqualTo(FailoverType.Failover);
    assertThat(status.getHistory()).hasSize(1);
  }

  @Test
  void aRetriedRecordStepAddsNoSecondEntry() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    FailoverRecord record =
        new FailoverRecord("toronto", "chicago", FailoverReason.Blackout, T0, T0.plusSeconds(4));
    PolicyHistory.add(status, record);

    assertThat(PolicyHistory.add(status, record)).isFalse();
    assertThat(status.getHistory()).hasSize(1);
  }

  @Test
  void keepsTheNewestMovesUpToTheLimit() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    for (int i = 0; i < FailoverPolicyStatus.HISTORY_LIMIT + 5; i++) {
      Instant detected = T0.plusSeconds(60L * i);
      PolicyHistory.add(
          status,
          new FailoverRecord(
              "toronto", "chicago", FailoverReason.Blackout, detected, detected.plusSeconds(3)));
    }

    assertThat(status.getHistory()).hasSize(FailoverPolicyStatus.HISTORY_LIMIT);
    assertThat(status.getHistory().get(0).getDetectedAt())
        .isEqualTo(T0.plusSeconds(60L * (FailoverPolicyStatus.HISTORY_LIMIT + 4)).toString());
  }

  @Test
  void aFailbackIsRecordedAsOne() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    PolicyHistory.add(
        status,
        new FailoverRecord(
            "chicago", "toronto", FailoverReason.AutomaticFailback, T0, T0.plusSeconds(2)));

    assertThat(status.getLastFailover().getType()).isEqualTo(FailoverType.Failback);
  }
}
