package dev.failover.core.failover;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.Fence;
import dev.failover.core.failover.FailoverAction.RemoveWorkload;
import org.junit.jupiter.api.Test;

/** An old active that blacked out is fenced on its return, before anything else may use it. */
class FencingTest {

  /** a blacked out with its workload running; b took over; a awaits its fence. */
  private static SimulatedWorld failedOverToB() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable).settle();
    assertThat(world.progress().awaitingFence()).containsExactly("a");
    assertThat(world.isFull("a")).as("a's workload kept running in the dark").isTrue();
    return world;
  }

  private static boolean touches(FailoverAction action, String dataCenter) {
    return (action instanceof EnsureWorkload ensure && ensure.dataCenter().equals(dataCenter))
        || (action instanceof RemoveWorkload remove && remove.dataCenter().equals(dataCenter));
  }

  @Test
  void returningOldActiveIsFencedBeforeAnythingElse() {
    SimulatedWorld world = failedOverToB().phase("a", Restoring);

    FailoverDecision decision = world.step();

    assertThat(decision.actions()).startsWith(new Fence("a"));
    assertThat(decision.actions()).noneMatch(action -> touches(action, "a"));
    assertThat(world.isScaledDown("a")).isTrue();
    assertThat(decision.progress().awaitingFence()).containsExactly("a");
  }

  @Test
  void fenceIsConfirmedOnlyOnceSeenAndThenTheStandbyModeApplies() {
    SimulatedWorld world = failedOverToB().phase("a", Restoring);
    world.step();

    FailoverDecision confirmed = world.step();

    assertThat(confirmed.progress().awaitingFence()).isEmpty();
    assertThat(confirmed.actionsOf(Emit.class))
        .containsExactly(
            new Emit(
                EventReason.Fenced,
                "a is back and fenced: the workload there is scaled to zero, so it may take"
                    + " traffic again"));
    assertThat(confirmed.actions()).contains(new EnsureWorkload("a", ReplicasMode.ScaledDown));
    assertThat(confirmed.actionsOf(Fence.class)).isEmpty();
  }

  @Test
  void dataCenterThatComesBackWithoutTheWorkloadCountsAsFenced() {
    SimulatedWorld world = failedOverToB().absent("a").phase("a", Restoring);

    FailoverDecision decision = world.step();

    assertThat(decision.progress().awaitingFence()).isEmpty();
  }

  @Test
  void unfencedDataCenterIsNeverAFailoverTargetEvenWhenPreferred() {
    // a answers again and is Healthy, but its workload has not been seen scaled down yet.
    SimulatedWorld world = failedOverToB().phase("a", Healthy).phase("b", Unreachable);

    FailoverDecision decision = world.decide();

    assertThat(decision.progress().inFlight().to()).isEqualTo("c");
    assertThat(decision.actions()).startsWith(new Fence("a"));
  }

  @Test
  void unfencedDataCenterBecomesATargetOnceFenced() {
    SimulatedWorld world =
        failedOverToB().phase("a", Healthy).phase("b", Unreachable).phase("c", Unreachable);

    FailoverDecision unavailable = world.step();
    assertThat(unavailable.progress().phase()).isEqualTo(FailoverPhase.Unavailable);

    world.settle();
    world.assertActiveIn("a");
    assertThat(world.progress().awaitingFence()).containsExactly("b");
  }

  @Test
  void failbackWaitsForTheFence() {
    SimulatedWorld world = failedOverToB().phase("a", Healthy);

    FailoverDecision fencing = world.step();
    assertThat(fencing.progress().inFlight()).as("no failback yet").isNull();
    assertThat(fencing.actions()).startsWith(new Fence("a"));

    FailoverDecision failingBack = world.step();
    assertThat(failingBack.progress().phase()).isEqualTo(FailoverPhase.FailingBack);
  }

  @Test
  void pendingFenceSurvivesLaterMovesUntilTheDataCenterReturns() {
    SimulatedWorld world = failedOverToB();
    world.phase("b", Unreachable).settle();
    assertThat(world.progress().awaitingFence()).containsExactly("a", "b");

    world.phase("a", Probation).step();
    world.step();

    assertThat(world.progress().awaitingFence()).containsExactly("b");
    assertThat(world.isScaledDown("a")).isTrue();
  }

  @Test
  void reachableButUnreadableOldActiveIsFencedOnReturnLikeAnUnreachableOne() {
    SimulatedWorld world = SimulatedWorld.activeInA().phase("a", Unreachable);
    world.steps(2);
    // a answers probes again but its workload could not be read this time.
    DataCenterView a = world.viewOf("a");
    world.view(new DataCenterView("a", Restoring, a.phaseSince(), a.p50Latency(), true, true));
    PolicySituation situation = world.situation();
    java.util.Map<String, WorkloadObservation> withoutA =
        new java.util.HashMap<>(situation.workloads());
    withoutA.remove("a");

    FailoverDecision decision =
        new FailoverStateMachine()
            .decide(
                new PolicySituation(
                    situation.progress(),
                    situation.settings(),
                    situation.dataCenters(),
                    withoutA,
                    situation.trafficTarget(),
                    null,
                    situation.now()));

    assertThat(decision.progress().awaitingFence()).containsExactly("a");
    assertThat(decision.progress().phase()).isEqualTo(FailoverPhase.Active);
    assertThat(decision.actions()).startsWith(new Fence("a"));
  }
}
