package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverProgressTest {
  private static final Instant T0 = SimulatedWorld.T0;

  @Test
  void initialProgressIsPendingWithNothingActive() {
    FailoverProgress initial = FailoverProgress.initial();

    assertThat(initial.phase()).isEqualTo(FailoverPhase.Pending);
    assertThat(initial.activeDataCenter()).isNull();
    assertThat(initial.inFlight()).isNull();
    assertThat(initial.awaitingFence()).isEmpty();
  }

  @Test
  void awaitingFenceIsSortedImmutableAndNeverNull() {
    Set<String> mutable = new HashSet<>(List.of("c", "a"));
    FailoverProgress progress =
        new FailoverProgress(FailoverPhase.Active, "b", null, null, null, null, mutable);
    mutable.add("z");

    assertThat(progress.awaitingFence()).containsExactly("a", "c");
    assertThatThrownBy(() -> progress.awaitingFence().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(
            new FailoverProgress(FailoverPhase.Active, "b", null, null, null, null, null)
                .awaitingFence())
        .isEmpty();
  }

  @Test
  void fenceBookkeepingAddsAndRemovesOneDataCenter() {
    FailoverProgress progress =
        FailoverProgress.initial().awaitingFenceOf("b").awaitingFenceOf("a").fenceConfirmed("b");

    assertThat(progress.awaitingFence()).containsExactly("a");
  }

  @Test
  void settlingEndsTheMoveButKeepsFencesAndTheHandledAction() {
    InFlightFailover move =
        InFlightFailover.starting("a", "b", FailoverReason.Blackout, T0, T0.plusSeconds(1));
    FailoverProgress moving =
        FailoverProgress.initial()
            .handled("op-1")
            .awaitingFenceOf("a")
            .startingMove(FailoverPhase.FailingOver, FailoverStep.PromoteTarget, move);

    FailoverProgress settled = moving.settledIn("b", FailoverReason.Blackout);

    assertThat(settled.phase()).isEqualTo(FailoverPhase.Active);
    assertThat(settled.activeDataCenter()).isEqualTo("b");
    assertThat(settled.activeReason()).isEqualTo(FailoverReason.Blackout);
    assertThat(settled.currentStep()).isNull();
    assertThat(settled.inFlight()).isNull();
    assertThat(settled.lastHandledActionId()).isEqualTo("op-1");
    assertThat(settled.awaitingFence()).containsExactly("a");
  }

  @Test
  void recordMeasuresRtoFromDetectionToCompletionAndIsKeyedByMove() {
    FailoverRecord record =
        new FailoverRecord("a", "b", FailoverReason.Blackout, T0, T0.plusMillis(4200));

    assertThat(record.measuredRto()).isEqualTo(Duration.ofMillis(4200));
    assertThat(record.key()).isEqualTo("a->b@" + T0);
  }

  @Test
  void blackoutConversionKeepsTheTargetAndStartButMovesDetection() {
    InFlightFailover failback =
        InFlightFailover.starting("b", "a", FailoverReason.AutomaticFailback, T0, T0);

    InFlightFailover blackout = failback.asBlackout(T0.plusSeconds(9));

    assertThat(blackout.reason()).isEqualTo(FailoverReason.Blackout);
    assertThat(blackout.to()).isEqualTo("a");
    assertThat(blackout.startedAt()).isEqualTo(T0);
    assertThat(blackout.detectedAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void onlyManualFailoverAndFailbacksArePlannedMoves() {
    assertThat(FailoverReason.values())
        .filteredOn(FailoverReason::planned)
        .containsExactlyInAnyOrder(
            FailoverReason.ManualFailover,
            FailoverReason.AutomaticFailback,
            FailoverReason.ManualFailback);
  }

  @Test
  void workloadIsFencedWhenAbsentOrAtZero() {
    assertThat(WorkloadObservation.absent().fenced()).isTrue();
    assertThat(WorkloadObservation.scaledDown().fenced()).isTrue();
    assertThat(WorkloadObservation.running(3, false).fenced()).isFalse();
    assertThat(WorkloadObservation.running(3, false).scaledUp()).isTrue();
    assertThat(WorkloadObservation.scaledDown().scaledUp()).isFalse();
  }

  @Test
  void eventsThatNeedAPersonAreWarnings() {
    assertThat(EventReason.values())
        .filteredOn(EventReason::warning)
        .containsExactlyInAnyOrder(
            EventReason.FailoverStarted,
            EventReason.MoveAbandoned,
            EventReason.TargetLost,
            EventReason.NoHealthyDataCenter,
            EventReason.FenceDeferred,
            EventReason.ActionRejected,
            EventReason.RestoreTestOverridden);
  }
}
