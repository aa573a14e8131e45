package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.InFlightFailover;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrashPointsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final FailoverProgress SETTLED =
      FailoverProgress.initial().settledIn("toronto", FailoverReason.InitialPlacement);

  private final AtomicInteger halts = new AtomicInteger();

  private static FailoverProgress moving(FailoverReason reason, String from) {
    return SETTLED.startingMove(
        FailoverPhase.FailingOver,
        FailoverStep.PromoteTarget,
        InFlightFailover.starting(from, "chicago", reason, T0, T0));
  }

  @Test
  void haltsBeforeTheNthDistinctStepOfAMove() {
    CrashPoints points = new CrashPoints(3, null, halts::incrementAndGet);
    FailoverProgress moving = moving(FailoverReason.Blackout, "toronto");

    points.before("Event FailoverStarted", SETTLED, moving);
    points.before("status write", SETTLED, moving);
    points.before("status write", SETTLED, moving); // a repeat counts once
    assertThat(halts).hasValue(0);
    points.before("EnsureWorkload chicago", moving, moving);

    assertThat(halts).hasValue(1);
  }

  @Test
  void countsNothingOutsideAMoveNorInAFirstPlacementNorInOtherReasons() {
    CrashPoints points = new CrashPoints(1, FailoverReason.ManualFailback, halts::incrementAndGet);

    points.before("settled", SETTLED, SETTLED);
    points.before(
        "placing", FailoverProgress.initial(), moving(FailoverReason.InitialPlacement, null));
    points.before("failing over", SETTLED, moving(FailoverReason.Blackout, "toronto"));
    assertThat(halts).hasValue(0);
    points.before("failing back", SETTLED, moving(FailoverReason.ManualFailback, "toronto"));

    assertThat(halts).hasValue(1);
  }

  @Test
  void isOffWithoutTheSystemProperty() {
    assertThat(System.getProperty(CrashPoints.KILL_BEFORE)).isNull();
    assertThat(CrashPoints.fromSystemProperties().armed()).isFalse();
    assertThat(new CrashPoints(0, null, halts::incrementAndGet).armed()).isFalse();
  }
}
