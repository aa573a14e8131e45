package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettledTrafficTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final FailoverProgress SETTLED_IN_A =
      FailoverProgress.initial().inPhase(FailoverPhase.Active).activeIn("a");
  private static final List<FailoverAction> ACTIONS =
      List.of(new EnsureWorkload("a", ReplicasMode.Full), new PointTrafficAt("a"));

  @Test
  void aSettledPolicyWhoseRecordPointsRightSendsItNotAgain() {
    assertThat(SettledTraffic.withoutRepublishing(ACTIONS, SETTLED_IN_A, "a"))
        .containsExactly(new EnsureWorkload("a", ReplicasMode.Full));
  }

  @Test
  void aRecordPointingElsewhereOrNowhereIsSent() {
    assertThat(SettledTraffic.withoutRepublishing(ACTIONS, SETTLED_IN_A, "b")).isEqualTo(ACTIONS);
    assertThat(SettledTraffic.withoutRepublishing(ACTIONS, SETTLED_IN_A, null)).isEqualTo(ACTIONS);
  }

  @Test
  void aMoveKeepsEveryAction() {
    FailoverProgress moving =
        SETTLED_IN_A.startingMove(
            DecisionDraft.movingPhase(FailoverReason.Blackout),
            FailoverStep.PromoteTarget,
            InFlightFailover.starting("a", "b", FailoverReason.Blackout, NOW, NOW));

    assertThat(SettledTraffic.withoutRepublishing(ACTIONS, moving, "a")).isEqualTo(ACTIONS);
  }
}
