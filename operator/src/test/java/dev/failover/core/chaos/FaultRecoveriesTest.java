package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultRecoveriesTest {
  private static final Duration MAX = Duration.ofMinutes(2);
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void judgesARecoveryAgainstTheMaximumInclusive() {
    assertThat(FaultRecoveries.judge(Duration.ofSeconds(3), MAX)).isEqualTo(FaultVerdict.Recovered);
    assertThat(FaultRecoveries.judge(MAX, MAX)).isEqualTo(FaultVerdict.Recovered);
    assertThat(FaultRecoveries.judge(MAX.plusMillis(1), MAX)).isEqualTo(FaultVerdict.TooSlow);
  }

  @Test
  void aFaultIsOverdueOnlyAfterTheMaximum() {
    assertThat(FaultRecoveries.overdue(AT, AT.plus(MAX), MAX)).isFalse();
    assertThat(FaultRecoveries.overdue(AT, AT.plus(MAX).plusMillis(1), MAX)).isTrue();
  }

  @Test
  void recordsBecomeOutcomesAndAVerdict() {
    FaultRecord recovered = record(FaultKind.DeletePod, "Pod/web-1", "2026-12-01T10:00:01.500Z");
    FaultRecord lost = record(FaultKind.ScaleToZero, "Deployment/web", null);
    List<RestoreVerdict.FaultOutcome> outcomes = FaultRecoveries.outcomes(List.of(recovered, lost));
    assertThat(outcomes.get(0).recovery()).contains(Duration.ofMillis(1500));
    assertThat(outcomes.get(0).fault())
        .isEqualTo(new PlannedFault(FaultKind.DeletePod, "Pod/web-1"));
    assertThat(outcomes.get(1).recovery()).isEmpty();
    RestoreVerdict verdict = RestoreVerdict.of(outcomes, MAX);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.message()).contains("fault 2 (ScaleToZero Deployment/web)");
    assertThat(RestoreVerdict.of(outcomes.subList(0, 1), MAX).passed()).isTrue();
  }

  private static FaultRecord record(FaultKind kind, String target, String recoveredAt) {
    FaultRecord record = new FaultRecord();
    record.setKind(kind);
    record.setTarget(target);
    record.setInjectedAt(AT.toString());
    record.setRecoveredAt(recoveredAt);
    return record;
  }
}
