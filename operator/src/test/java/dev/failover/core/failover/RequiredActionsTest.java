package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredActionsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** Failing over from a to b; c is a standby, d awaits its fence. */
  private final FailoverProgress moving =
      new FailoverProgress(
          FailoverPhase.FailingOver,
          "a",
          null,
          FailoverStep.AwaitTargetAvailable,
          new InFlightFailover("a", "b", FailoverReason.Blackout, T0, T0, null),
          null,
          Set.of("d"));

  @Test
  void theMoveNeedsItsTargetItsSourceTheActiveAndTraffic() {
    assertThat(
            RequiredActions.required(
                new FailoverAction.EnsureWorkload("b", ReplicasMode.Full), moving))
        .isTrue();
    assertThat(RequiredActions.required(new FailoverAction.Fence("a"), moving)).isTrue();
    assertThat(RequiredActions.required(new FailoverAction.PointTrafficAt("a"), moving)).isTrue();
  }

  @Test
  void standbysAndDataCentersAwaitingAFenceAreBystanders() {
    assertThat(
            RequiredActions.required(
                new FailoverAction.EnsureWorkload("c", ReplicasMode.ScaledDown), moving))
        .isFalse();
    assertThat(RequiredActions.required(new FailoverAction.RemoveWorkload("c"), moving)).isFalse();
    assertThat(RequiredActions.required(new FailoverAction.Fence("d"), moving)).isFalse();
    assertThat(
            RequiredActions.required(
                new FailoverAction.Emit(EventReason.FailoverStarted, "started"), moving))
        .isFalse();
  }
}
