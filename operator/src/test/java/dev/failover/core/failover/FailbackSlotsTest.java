package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailbackSlotsTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final FailoverProgress SETTLED_IN_B =
      FailoverProgress.initial().inPhase(FailoverPhase.Active).activeIn("b");

  private static FailoverProgress moving(FailoverReason reason, String from, String to) {
    return SETTLED_IN_B.startingMove(
        DecisionDraft.movingPhase(reason),
        FailoverStep.PromoteTarget,
        InFlightFailover.starting(from, to, reason, NOW, NOW));
  }

  private static FailoverProgress failbackTo(String target) {
    return moving(FailoverReason.AutomaticFailback, "b", target);
  }

  /** The policy starts a failback to {@code target} from settled. */
  private static Optional<FailbackWait> start(FailbackSlots slots, String policy, String target) {
    return slots.admit(policy, SETTLED_IN_B, failbackTo(target));
  }

  @Test
  void theLimitMustBeAtLeastOne() {
    assertThatThrownBy(() -> new FailbackSlots(0)).hasMessageContaining("at least 1: 0");
    assertThatThrownBy(() -> new FailbackSlots(-3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FailbackSlots(1).limit()).isEqualTo(1);
  }

  @Test
  void onlyAnAutomaticFailbackWithATargetNeedsASlot() {
    assertThat(FailbackSlots.slotNeeded(SETTLED_IN_B)).isEmpty();
    assertThat(FailbackSlots.slotNeeded(failbackTo("a"))).contains("a");
    assertThat(FailbackSlots.slotNeeded(moving(FailoverReason.AutomaticFailback, "b", null)))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = FailoverReason.class,
      names = "AutomaticFailback",
      mode = EnumSource.Mode.EXCLUDE)
  void noOtherMoveNeedsASlotNorWaitsForOne(FailoverReason reason) {
    FailbackSlots slots = new FailbackSlots(1);
    assertThat(start(slots, "p1", "a")).isEmpty();

    FailoverProgress move = moving(reason, "b", "a");

    assertThat(FailbackSlots.slotNeeded(move)).isEmpty();
    assertThat(slots.admit("p2", SETTLED_IN_B, move)).isEmpty();
    assertThat(slots.inFlight("a")).isEqualTo(1);
  }

  @Test
  void nobodyIsDueToWakeWhileEverySlotIsHeld() {
    FailbackSlots slots = new FailbackSlots(2);
    start(slots, "p1", "a");
    start(slots, "p2", "a");
    start(slots, "p3", "a");

    assertThat(slots.dueToWake()).isEmpty();
  }

  @Test
  void eachFreeSlotWakesOneWaiterLongestWaitingFirstPerDataCenter() {
    FailbackSlots slots = new FailbackSlots(2);
    start(slots, "p1", "a");
    start(slots, "p2", "a");
    start(slots, "p3", "a");
    start(slots, "p4", "a");
    start(slots, "p5", "a");
    start(slots, "q1", "c");
    start(slots, "q2", "c");
    start(slots, "q3", "c");

    slots.release("p1");
    assertThat(slots.dueToWake()).containsExactly("p3");
    slots.release("p2");
    assertThat(slots.dueToWake()).containsExactly("p3", "p4");
    assertThat(start(slots, "p4", "a")).isEmpty();
    slots.release("q1");
    assertThat(slots.dueToWake()).containsExactlyInAnyOrder("p3", "q3");
  }

  @Test
  void aWaiterThatStopsWaitingIsNotWoken() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");
    start(slots, "p2", "a");
    start(slots, "p3", "a");

    slots.admit("p2", SETTLED_IN_B, SETTLED_IN_B);
    slots.release("p1");

    assertThat(slots.dueToWake()).containsExactly("p3");
  }

  @Test
  void grantsUpToTheLimitThenTellsTheOthersToWait() {
    FailbackSlots slots = new FailbackSlots(2);

    assertThat(start(slots, "p1", "a")).isEmpty();
    assertThat(start(slots, "p2", "a")).isEmpty();
    assertThat(start(slots, "p3", "a")).contains(new FailbackWait("a", 2, 2, true));

    assertThat(slots.inFlight("a")).isEqualTo(2);
    assertThat(slots.waiting("a")).isEqualTo(1);
  }

  @Test
  void theLimitIsPerTargetDataCenter() {
    FailbackSlots slots = new FailbackSlots(1);

    assertThat(start(slots, "p1", "a")).isEmpty();
    assertThat(start(slots, "p2", "c")).isEmpty();
    assertThat(start(slots, "p3", "a")).isPresent();

    assertThat(slots.inFlight("a")).isEqualTo(1);
    assertThat(slots.inFlight("c")).isEqualTo(1);
  }

  @Test
  void aPolicyHoldingASlotKeepsItAndIsCountedOnce() {
    FailbackSlots slots = new FailbackSlots(1);
    assertThat(start(slots, "p1", "a")).isEmpty();

    assertThat(start(slots, "p1", "a")).as("asking again").isEmpty();
    assertThat(slots.admit("p1", failbackTo("a"), failbackTo("a"))).as("moving on").isEmpty();

    assertThat(slots.inFlight("a")).isEqualTo(1);
  }

  @Test
  void onlyTheFirstLookOfAWaitIsTold() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");

    assertThat(start(slots, "p2", "a")).map(FailbackWait::firstLook).contains(true);
    assertThat(start(slots, "p2", "a")).map(FailbackWait::firstLook).contains(false);
    assertThat(start(slots, "p2", "a")).map(FailbackWait::firstLook).contains(false);
    assertThat(slots.waiting("a")).isEqualTo(1);
  }

  @Test
  void aWaitEndsWhenTheDecisionNoLongerWantsAFailbackAndANewOneIsToldAgain() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");
    start(slots, "p2", "a");

    assertThat(slots.admit("p2", SETTLED_IN_B, SETTLED_IN_B)).isEmpty();

    assertThat(slots.waiting("a")).isZero();
    assertThat(start(slots, "p2", "a")).map(FailbackWait::firstLook).contains(true);
  }

  @Test
  void aCompletedFailbackFreesItsSlotForAWaitingOne() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");
    assertThat(start(slots, "p2", "a")).isPresent();

    FailoverProgress done = SETTLED_IN_B.activeIn("a");
    assertThat(slots.admit("p1", failbackTo("a"), done)).isEmpty();

    assertThat(slots.inFlight("a")).isZero();
    assertThat(start(slots, "p2", "a")).isEmpty();
    assertThat(slots.inFlight("a")).isEqualTo(1);
    assertThat(slots.waiting("a")).as("no longer waiting").isZero();
  }

  @Test
  void aFailbackThatBecomesABlackoutFailoverFreesItsSlot() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");

    FailoverProgress blackout =
        SETTLED_IN_B.startingMove(
            FailoverPhase.FailingOver,
            FailoverStep.PromoteTarget,
            failbackTo("a").inFlight().asBlackout(NOW));
    assertThat(slots.admit("p1", failbackTo("a"), blackout)).isEmpty();

    assertThat(slots.inFlight("a")).isZero();
  }

  @Test
  void aFailbackAlreadyInFlightKeepsGoingPastTheLimit() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");

    // p2's failback was persisted before a restart, or the limit was lowered: it goes on.
    assertThat(slots.admit("p2", failbackTo("a"), failbackTo("a"))).isEmpty();

    assertThat(slots.inFlight("a")).isEqualTo(2);
    assertThat(start(slots, "p3", "a")).contains(new FailbackWait("a", 2, 1, true));
  }

  @Test
  void releaseFreesTheSlotAndThePlaceAmongTheWaiting() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");
    start(slots, "p2", "a");

    slots.release("p1");
    slots.release("p2");

    assertThat(slots.inFlight("a")).isZero();
    assertThat(slots.waiting("a")).isZero();
  }

  @Test
  void retainForgetsDeletedPolicies() {
    FailbackSlots slots = new FailbackSlots(1);
    start(slots, "p1", "a");
    start(slots, "p2", "a");
    start(slots, "p3", "c");

    slots.retain(Set.of("p2", "p3"));

    assertThat(slots.inFlight("a")).isZero();
    assertThat(slots.waiting("a")).isEqualTo(1);
    assertThat(slots.inFlight("c")).isEqualTo(1);
  }

  @Test
  void theFailbacksPersistedInFlightTakeTheirSlotsBackOnce() {
    FailbackSlots slots = new FailbackSlots(2);
    AtomicInteger reads = new AtomicInteger();
    Map<String, FailoverProgress> persisted =
        Map.of(
            "p1",
            failbackTo("a"),
            "p2",
            failbackTo("a"),
            "p3",
            SETTLED_IN_B,
            "p4",
            moving(FailoverReason.Blackout, "b", "a"));

    slots.deriveOnce(
        () -> {
          reads.incrementAndGet();
          return persisted;
        });
    slots.deriveOnce(
        () -> {
          reads.incrementAndGet();
          return persisted;
        });

    assertThat(reads).hasValue(1);
    assertThat(slots.inFlight("a")).isEqualTo(2);
    assertThat(start(slots, "p3", "a")).isPresent();
    assertThat(slots.admit("p1", failbackTo("a"), failbackTo("a"))).isEmpty();
    assertThat(slots.inFlight("a")).isEqualTo(2);
  }

  @Test
  void manyThreadsNeverHoldMoreThanTheLimit() throws Exception {
    int limit = 3;
    int policies = 40;
    FailbackSlots slots = new FailbackSlots(limit);
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < policies; i++) {
        String policy = "p" + i;
        runs.add(
            threads.submit(
                () -> {
                  go.await();
                  // Asks until granted, holds the slot for a while, then completes.
                  while (start(slots, policy, "a").isPresent()) {
                    Thread.yield();
                  }
                  int now = holding.incrementAndGet();
                  mostHeld.accumulateAndGet(now, Math::max);
                  assertThat(slots.inFlight("a")).isLessThanOrEqualTo(limit);
                  Thread.sleep(1);
                  holding.decrementAndGet();
                  slots.admit(policy, failbackTo("a"), SETTLED_IN_B.activeIn("a"));
                  completed.incrementAndGet();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(completed).hasValue(policies);
    assertThat(mostHeld.get()).isBetween(1, limit);
    assertThat(slots.inFlight("a")).isZero();
    assertThat(slots.waiting("a")).isZero();
  }
}
