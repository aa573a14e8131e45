package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Status is read back from the API, where a person may have edited it: the core copes. */
class HandEditedStatusTest {
  @Test
  void aFenceStepOfAMoveWithoutSourceGoesOnToRecordInsteadOfThrowing() {
    SimulatedWorld world = SimulatedWorld.activeInA().traffic("b");
    InFlightFailover sourceless =
        InFlightFailover.starting(
                null, "b", FailoverReason.ManualFailover, world.now(), world.now())
            .withCompletedAt(world.now());
    world.progress(
        new FailoverProgress(
            FailoverPhase.FailingOver,
            "b",
            null,
            FailoverStep.FenceOldActive,
            sourceless,
            null,
            Set.of()));

    FailoverDecision decision = world.decide();

    assertThat(decision.progress().currentStep()).isNull();
    assertThat(decision.progress().activeDataCenter()).isEqualTo("b");
  }
}
