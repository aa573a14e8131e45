package dev.failover.core.restoregate;

import static dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase.Failed;
import static dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase.Passed;
import static dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase.Pending;
import static dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase.Running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.RestoreGateState;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverRecord;
import dev.failover.core.failover.InFlightFailover;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreGatesTest {
  private static final Instant BLACKOUT = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant BACK = BLACKOUT.plusSeconds(60);
  private static final Instant NOW = BACK.plusSeconds(30);
  private static final PolicySettings SETTINGS =
      new PolicySettings(
          PlacementPreference.of(PlacementStrategy.Priority, "toronto", "chicago"),
          StandbyMode.Hot,
          FailbackMode.Automatic);
  private static final String TEST = RestoreGates.testName("shop", "toronto", BACK);

  private static DataCenterView view(String name, DataCenterPhase phase, Instant since) {
    boolean reachable = phase != DataCenterPhase.Unreachable && phase != DataCenterPhase.Pending;
    return new DataCenterView(name, phase, since, Duration.ofMillis(5), true, reachable);
  }

  /** Settled in chicago after toronto's blackout; toronto in the given phase since then. */
  private static PolicySituation situation(DataCenterPhase toronto, Instant since) {
    return situation(
        FailoverProgress.initial().settledIn("chicago", FailoverReason.Blackout), toronto, since);
  }

  private static PolicySituation situation(
      FailoverProgress progress, DataCenterPhase toronto, Instant since) {
    List<DataCenterView> views = new ArrayList<>();
    views.add(view("toronto", toronto, since));
    views.add(view("chicago", DataCenterPhase.Healthy, BLACKOUT.minusSeconds(3600)));
    return new PolicySituation(progress, SETTINGS, views, Map.of(), "chicago", null, NOW);
  }

  private static Gate awaitingRestoration() {
    return Gate.opened("toronto", BLACKOUT);
  }

  private static Gate awaitingTest() {
    return new Gate("toronto", RestoreGateState.AwaitingTest, BLACKOUT, BACK, TEST, "waiting");
  }

  private static GateReview review(Gate gate, PolicySituation situation, TestRun... runs) {
    return RestoreGates.review("shop", true, List.of(gate), situation, List.of(runs));
  }

  private static TestRun run(String name, Object phase, boolean promoted, Instant completedAt) {
    return new TestRun(
        name,
        "toronto",
        (dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase) phase,
        promoted,
        completedAt,
        "fault 2 (ScaleToZero web) was not recovered from");
  }

  private static <T extends GateStep> List<T> steps(GateReview review, Class<T> kind) {
    return review.steps().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  // ---- opening -----------------------------------------------------------------------------

  private static FailoverAction recorded(String from, FailoverReason reason, Instant detected) {
    return new FailoverAction.RecordFailover(
        new FailoverRecord(from, "chicago", reason, detected, detected.plusSeconds(5)));
  }

  @Test
  void aRecordedBlackoutFailoverOpensAGateForTheDataCenterLeft() {
    List<Gate> gates =
        RestoreGates.opened(
            true, List.of(), List.of(recorded("toronto", FailoverReason.Blackout, BLACKOUT)));

    assertThat(gates).containsExactly(Gate.opened("toronto", BLACKOUT));
    assertThat(gates.get(0).state()).isEqualTo(RestoreGateState.AwaitingRestoration);
    assertThat(gates.get(0).restoredAt()).isNull();
  }

  @Test
  void brownoutsExclusionsManualMovesAndFirstPlacementsOpenNoGate() {
    List<FailoverAction> decided =
        List.of(
            recorded("toronto", FailoverReason.Brownout, BLACKOUT),
            recorded("toronto", FailoverReason.Exclusion, BLACKOUT),
            recorded("toronto", FailoverReason.ManualFailover, BLACKOUT),
            new FailoverAction.RecordFailover(
                new FailoverRecord(
                    null, "chicago", FailoverReason.InitialPlacement, BLACKOUT, BACK)));

    assertThat(RestoreGates.opened(true, List.of(), decided)).isEmpty();
  }

  @Test
  void noGateOpensWhenThePolicyDoesNotRequireTests() {
    assertThat(
            RestoreGates.opened(
                false, List.of(), List.of(recorded("toronto", FailoverReason.Blackout, BLACKOUT))))
        .isEmpty();
  }

  @Test
  void aRetriedRecordOpensNoSecondGateAndKeepsTheRestoration() {
    List<Gate> once = List.of(awaitingTest());

    List<Gate> again =
        RestoreGates.opened(
            true, once, List.of(recorded("toronto", FailoverReason.Blackout, BLACKOUT)));

    assertThat(again).containsExactly(awaitingTest());
  }

  @Test
  void aNewerBlackoutReplacesAnOlderGate() {
    Instant later = BLACKOUT.plusSeconds(3600);

    List<Gate> gates =
        RestoreGates.opened(
            true,
            List.of(awaitingTest()),
            List.of(recorded("toronto", FailoverReason.Blackout, later)));

    assertThat(gates).containsExactly(Gate.opened("toronto", later));
  }

  // ---- restoration ---------------------------------------------------------------------------

  @Test
  void staysAwaitingRestorationWhileTheDataCenterIsUnreachable() {
    GateReview review =
        review(awaitingRestoration(), situation(DataCenterPhase.Unreachable, BLACKOUT));

    assertThat(review.gates()).containsExactly(awaitingRestoration());
    assertThat(review.steps()).isEmpty();
    assertThat(review.heldOut()).containsKey("toronto");
    assertThat(review.heldOut().get("toronto").testFailed()).isFalse();
    assertThat(review.passed()).isFalse();
    assertThat(review.reason()).isEqualTo("AwaitingRestoration");
  }

  @Test
  void theReturnIsTheRestorationAndGetsOneRestorationTest() {
    for (DataCenterPhase back :
        List.of(
            DataCenterPhase.Restoring,
            DataCenterPhase.Probation,
            DataCenterPhase.Healthy,
            DataCenterPhase.Degraded,
            DataCenterPhase.Excluded)) {
      GateReview review = review(awaitingRestoration(), situation(back, BACK));

      Gate gate = review.gates().get(0);
      assertThat(gate.state()).as("%s", back).isEqualTo(RestoreGateState.AwaitingTest);
      assertThat(gate.restoredAt()).isEqualTo(BACK);
      assertThat(gate.test()).isEqualTo("shop-toronto-restore-" + BACK.getEpochSecond());
      assertThat(steps(review, GateStep.EnsureTest.class))
          .containsExactly(new GateStep.EnsureTest(TEST, "toronto", BACK));
      assertThat(steps(review, GateStep.Tell.class))
          .singleElement()
          .satisfies(
              tell -> {
                assertThat(tell.reason()).isEqualTo("AwaitingRestoreTest");
                assertThat(tell.warning()).isFalse();
                assertThat(tell.message()).contains(TEST);
              });
      assertThat(review.reason()).isEqualTo("AwaitingRestoreTest");
    }
  }

  @Test
  void aPendingDataCenterHasNotReturnedYet() {
    GateReview review = review(awaitingRestoration(), situation(DataCenterPhase.Pending, BACK));

    assertThat(review.gates()).containsExactly(awaitingRestoration());
    assertThat(review.steps()).isEmpty();
  }

  @Test
  void aPhaseSinceNotAfterTheBlackoutTakesNowAsTheRestoration() {
    GateReview review =
        review(awaitingRestoration(), situation(DataCenterPhase.Healthy, BLACKOUT.minusSeconds(1)));

    assertThat(review.gates().get(0).restoredAt()).isEqualTo(NOW);
  }

  @Test
  void theTestNameIsDeterministicAndAValidDnsLabel() {
    String longPolicy = "p".repeat(80);

    String name = RestoreGates.testName(longPolicy, "toronto", BACK);

    assertThat(name).isEqualTo(RestoreGates.testName(longPolicy, "toronto", BACK));
    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(RestoreGates.testName("shop", "toronto", BACK.plusSeconds(1))).isNotEqualTo(TEST);
  }

  // ---- the contract ---------------------------------------------------------------------------

  @Test
  void aPendingOrRunningTestKeepsTheDataCenterOutQuietly() {
    for (Object phase : new Object[] {null, Pending, Running}) {
      GateReview review =
          review(
              awaitingTest(),
              situation(DataCenterPhase.Healthy, BACK),
              run(TEST, phase, false, null));

      assertThat(review.gates())
          .singleElement()
          .extracting(Gate::state)
          .isEqualTo(RestoreGateState.AwaitingTest);
      assertThat(review.gates().get(0).message())
          .contains(TEST)
          .contains(phase == null ? "not started" : phase.toString());
      assertThat(review.steps()).as("already told, already created").isEmpty();
      assertThat(review.heldOut()).containsKey("toronto");
    }
  }

  @Test
  void aMissingTestIsCreatedAgain() {
    GateReview review = review(awaitingTest(), situation(DataCenterPhase.Healthy, BACK));

    assertThat(steps(review, GateStep.EnsureTest.class))
        .containsExactly(new GateStep.EnsureTest(TEST, "toronto", BACK));
    assertThat(review.gates().get(0).message()).contains("being created");
  }

  @Test
  void aPassedAndPromotedTestLiftsTheGate() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Passed, true, NOW.minusSeconds(1)));

    assertThat(review.gates()).isEmpty();
    assertThat(review.heldOut()).isEmpty();
    assertThat(review.passed()).isTrue();
    assertThat(review.reason()).isEqualTo(GateReview.NONE_HELD_OUT);
    assertThat(steps(review, GateStep.Tell.class))
        .singleElement()
        .satisfies(
            tell -> {
              assertThat(tell.reason()).isEqualTo("RestoreTestPassed");
              assertThat(tell.warning()).isFalse();
            });
  }

  @Test
  void aPassedTestNotYetPromotedIsStillUnderWay() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Passed, false, NOW.minusSeconds(1)));

    assertThat(review.gates().get(0).state()).isEqualTo(RestoreGateState.AwaitingTest);
    assertThat(review.gates().get(0).message()).contains("passed, not promoted yet");
  }

  @Test
  void aFailedTestKeepsTheDataCenterOutWithItsMessageAndOneWarning() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Failed, false, NOW.minusSeconds(1)));

    Gate gate = review.gates().get(0);
    assertThat(gate.state()).isEqualTo(RestoreGateState.TestFailed);
    assertThat(gate.message()).contains(TEST, "ScaleToZero web", "not recovered");
    assertThat(review.heldOut().get("toronto").testFailed()).isTrue();
    assertThat(review.reason()).isEqualTo("RestoreTestFailed");
    assertThat(steps(review, GateStep.Tell.class))
        .singleElement()
        .satisfies(
            tell -> {
              assertThat(tell.reason()).isEqualTo("RestoreTestFailed");
              assertThat(tell.warning()).isTrue();
            });

    GateReview again =
        review(
            gate,
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Failed, false, NOW.minusSeconds(1)));
    assertThat(again.steps()).as("told once").isEmpty();
    assertThat(again.gates()).containsExactly(gate);
  }

  @Test
  void aFailedTestWithoutAMessageSaysSo() {
    TestRun failed = new TestRun(TEST, "toronto", Failed, false, NOW, null);

    GateReview review = review(awaitingTest(), situation(DataCenterPhase.Healthy, BACK), failed);

    assertThat(review.gates().get(0).message()).contains("no reason given");
  }

  @Test
  void aLongRunnerMessageIsCut() {
    TestRun failed = new TestRun(TEST, "toronto", Failed, false, NOW, "x".repeat(5000));

    GateReview review = review(awaitingTest(), situation(DataCenterPhase.Healthy, BACK), failed);

    assertThat(review.gates().get(0).message()).hasSizeLessThan(RestoreGates.MAX_QUOTED + 200);
  }

  @Test
  void aLaterPassingRunOfAnyTestLiftsTheGateAfterAFailure() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Failed, false, BACK.plusSeconds(5)),
            run("by-hand", Passed, true, BACK.plusSeconds(20)));

    assertThat(review.gates()).isEmpty();
  }

  @Test
  void aLaterFailureWinsOverAnEarlierPass() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run("by-hand", Passed, true, BACK.plusSeconds(5)),
            run(TEST, Failed, false, BACK.plusSeconds(20)));

    assertThat(review.gates().get(0).state()).isEqualTo(RestoreGateState.TestFailed);
  }

  @Test
  void aFailureAndAPassAtTheSameInstantCountAsAFailure() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run("by-hand", Passed, true, NOW),
            run(TEST, Failed, false, NOW));

    assertThat(review.gates().get(0).state()).isEqualTo(RestoreGateState.TestFailed);
  }

  @Test
  void aTestCompletedBeforeTheRestorationNeverCounts() {
    for (Instant completed : List.of(BACK, BACK.minusSeconds(1), BLACKOUT.minusSeconds(600))) {
      GateReview review =
          review(
              awaitingTest(),
              situation(DataCenterPhase.Healthy, BACK),
              run(TEST, Pending, false, null),
              run("old", Passed, true, completed));

      assertThat(review.gates()).as("completed %s", completed).hasSize(1);
      assertThat(review.gates().get(0).state()).isEqualTo(RestoreGateState.AwaitingTest);
    }
  }

  @Test
  void aCompletedTestWithoutCompletedAtDoesNotCount() {
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            run(TEST, Passed, true, null));

    assertThat(review.gates()).hasSize(1);
  }

  @Test
  void testsOfOtherDataCentersDoNotCount() {
    TestRun chicago = new TestRun("c", "chicago", Passed, true, NOW, null);

    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Healthy, BACK),
            chicago,
            run(TEST, Running, false, null));

    assertThat(review.gates()).hasSize(1);
  }

  // ---- re-arming and closing ----------------------------------------------------------------

  @Test
  void aNewBlackoutBeforeATestPassedReArmsTheGate() {
    Instant again = BACK.plusSeconds(10);
    GateReview review =
        review(
            awaitingTest(),
            situation(DataCenterPhase.Unreachable, again),
            run(TEST, Running, false, null));

    assertThat(review.gates()).containsExactly(Gate.opened("toronto", again));
    assertThat(steps(review, GateStep.DeleteTest.class))
        .containsExactly(new GateStep.DeleteTest(TEST));
    assertThat(steps(review, GateStep.Tell.class))
        .extracting(GateStep.Tell::reason)
        .containsExactly("RestoreTestRearmed");

    Instant second = again.plusSeconds(30);
    GateReview returned =
        RestoreGates.review(
            "shop", true, review.gates(), situation(DataCenterPhase.Healthy, second), List.of());
    String next = RestoreGates.testName("shop", "toronto", second);
    assertThat(returned.gates().get(0).test()).isEqualTo(next).isNotEqualTo(TEST);
    assertThat(returned.gates().get(0).state()).isEqualTo(RestoreGateState.AwaitingTest);
    assertThat(steps(returned, GateStep.EnsureTest.class))
        .containsExactly(new GateStep.EnsureTest(next, "toronto", second));
  }

  @Test
  void theGateClosesWhenTheWorkloadIsSettledInTheDataCenter() {
    PolicySituation inToronto =
        situation(
            FailoverProgress.initial().settledIn("toronto", FailoverReason.ManualFailback),
            DataCenterPhase.Healthy,
            BACK);

    GateReview review = review(awaitingTest(), inToronto);

    assertThat(review.gates()).isEmpty();
    assertThat(review.steps()).isEmpty();
  }

  @Test
  void theGateStaysWhileAMoveIntoTheDataCenterIsUnderWay() {
    FailoverProgress moving =
        FailoverProgress.initial()
            .settledIn("chicago", FailoverReason.Blackout)
            .startingMove(
                FailoverPhase.FailingBack,
                FailoverStep.SwitchTraffic,
                InFlightFailover.starting(
                    "chicago", "toronto", FailoverReason.ManualFailback, NOW, NOW))
            .activeIn("toronto");

    GateReview review =
        review(
            awaitingTest(),
            situation(moving, DataCenterPhase.Healthy, BACK),
            run(TEST, Failed, false, NOW));

    assertThat(review.heldOut()).containsKey("toronto");
  }

  @Test
  void theGateClosesWhenTheDataCenterLeavesThePlacement() {
    Gate washington = Gate.opened("washington", BLACKOUT);

    GateReview review =
        RestoreGates.review(
            "shop", true, List.of(washington), situation(DataCenterPhase.Healthy, BACK), List.of());

    assertThat(review.gates()).isEmpty();
  }

  @Test
  void everyGateClosesWhenThePolicyStopsRequiringTests() {
    GateReview review =
        RestoreGates.review(
            "shop",
            false,
            List.of(awaitingTest()),
            situation(DataCenterPhase.Healthy, BACK),
            List.of(run(TEST, Failed, false, NOW)));

    assertThat(review.gates()).isEmpty();
    assertThat(review.steps()).isEmpty();
    assertThat(review.passed()).isTrue();
  }

  @Test
  void theWorstGateNamesTheCondition() {
    Gate failed =
        new Gate("chicago", RestoreGateState.TestFailed, BLACKOUT, BACK, "t", "chicago failed");
    GateReview review =
        new GateReview(List.of(awaitingRestoration(), failed, awaitingTest()), List.of());

    assertThat(review.reason()).isEqualTo("RestoreTestFailed");
    assertThat(review.message()).contains("chicago failed", "toronto is unreachable");
    assertThat(new GateReview(List.of(awaitingRestoration(), awaitingTest()), List.of()).reason())
        .isEqualTo("AwaitingRestoreTest");
  }
}
