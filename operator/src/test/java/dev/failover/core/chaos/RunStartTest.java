package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTrigger;
import dev.failover.core.chaos.RunStart.Decision;
import dev.failover.core.chaos.RunStart.Situation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunStartTest {
  private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:30Z");

  private static Situation manual(
      ChaosTestPhase phase, int runs, String annotation, String handled) {
    return new Situation(
        ChaosTrigger.Manual,
        phase,
        runs,
        annotation,
        handled,
        null,
        null,
        CREATED,
        true,
        null,
        null);
  }

  @Test
  void aManualTestRunsOnceWhenCreated() {
    assertThat(RunStart.decide(manual(null, 0, null, null), NOW).start())
        .hasValueSatisfying(start -> assertThat(start.reason()).isEqualTo("created"));
    assertThat(RunStart.decide(manual(ChaosTestPhase.Passed, 1, null, null), NOW).start())
        .isEmpty();
  }

  @Test
  void aNewAnnotationValueStartsOneMoreRunWhateverTheTrigger() {
    Decision decision = RunStart.decide(manual(ChaosTestPhase.Failed, 1, "again", null), NOW);
    assertThat(decision.start()).isPresent();
    assertThat(decision.start().get().runRequest()).isEqualTo("again");
    assertThat(decision.start().get().reason()).contains("'again'");
    assertThat(RunStart.decide(manual(ChaosTestPhase.Passed, 2, "again", "again"), NOW).start())
        .as("the same value, already handled")
        .isEmpty();
    assertThat(RunStart.decide(manual(ChaosTestPhase.Passed, 2, " ", null), NOW).start())
        .as("a blank value is no request")
        .isEmpty();
  }

  @Test
  void aRunningTestIsNeverRestarted() {
    assertThat(RunStart.decide(manual(ChaosTestPhase.Running, 1, "new", null), NOW).start())
        .isEmpty();
  }

  @Test
  void nothingStartsWhileTheDataCenterCannotBeReached() {
    Situation down =
        new Situation(
            ChaosTrigger.Manual, null, 0, null, null, null, null, CREATED, false, null, null);
    Decision decision = RunStart.decide(down, NOW);
    assertThat(decision.start()).isEmpty();
    assertThat(decision.waiting()).contains("reachable");
  }

  @Test
  void aRestorationTestWaitsForTheDataCenterThenRunsAgainAfterTheNextOutage() {
    Situation unreachable =
        new Situation(
            ChaosTrigger.Restoration,
            ChaosTestPhase.Pending,
            0,
            null,
            null,
            null,
            null,
            CREATED,
            false,
            null,
            null);
    assertThat(RunStart.decide(unreachable, NOW).start()).isEmpty();
    assertThat(RunStart.decide(unreachable, NOW).waiting()).contains("reachable");
    Situation back =
        new Situation(
            ChaosTrigger.Restoration,
            ChaosTestPhase.Pending,
            0,
            null,
            null,
            null,
            null,
            CREATED,
            true,
            NOW.minusSeconds(5),
            null);
    assertThat(RunStart.decide(back, NOW).start()).isPresent();
    Instant completed = NOW.minusSeconds(60);
    Situation passedThenRestoredAgain =
        new Situation(
            ChaosTrigger.Restoration,
            ChaosTestPhase.Passed,
            1,
            null,
            null,
            null,
            null,
            CREATED,
            true,
            NOW.minusSeconds(5),
            completed);
    assertThat(RunStart.decide(passedThenRestoredAgain, NOW).start())
        .hasValueSatisfying(start -> assertThat(start.reason()).contains("outage"));
    Situation restoredBeforeTheLastRun =
        new Situation(
            ChaosTrigger.Restoration,
            ChaosTestPhase.Passed,
            1,
            null,
            null,
            null,
            null,
            CREATED,
            true,
            completed.minusSeconds(60),
            completed);
    assertThat(RunStart.decide(restoredBeforeTheLastRun, NOW).start()).isEmpty();
  }

  @Test
  void aScheduleRunsTheLatestMissedSlotOnceAndCountsTheSkippedOnes() {
    CronSchedule everyMinute = CronSchedule.parse("* * * * *");
    Situation missedMany =
        new Situation(
            ChaosTrigger.Schedule,
            ChaosTestPhase.Passed,
            1,
            null,
            null,
            everyMinute,
            Instant.parse("2026-12-01T09:50:00Z"),
            CREATED,
            true,
            null,
            null);
    Decision decision = RunStart.decide(missedMany, NOW);
    assertThat(decision.start()).isPresent();
    assertThat(decision.start().get().scheduledFor())
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(decision.start().get().reason()).contains("9 earlier missed run(s) skipped");

    Situation justRan =
        new Situation(
            ChaosTrigger.Schedule,
            ChaosTestPhase.Passed,
            2,
            null,
            null,
            everyMinute,
            Instant.parse("2026-12-01T10:00:00Z"),
            CREATED,
            true,
            null,
            null);
    Decision waiting = RunStart.decide(justRan, NOW);
    assertThat(waiting.start()).isEmpty();
    assertThat(waiting.waiting()).isEqualTo("next run scheduled for 2026-12-01T10:01:00Z");
  }

  @Test
  void aNewScheduleCountsFromItsCreation() {
    CronSchedule daily = CronSchedule.parse("@daily");
    Situation fresh =
        new Situation(
            ChaosTrigger.Schedule, null, 0, null, null, daily, null, CREATED, true, null, null);
    assertThat(RunStart.decide(fresh, NOW).start()).as("midnight was before creation").isEmpty();
    Situation aDayLater =
        new Situation(
            ChaosTrigger.Schedule,
            ChaosTestPhase.Pending,
            0,
            null,
            null,
            daily,
            null,
            CREATED,
            true,
            null,
            null);
    assertThat(RunStart.decide(aDayLater, NOW.plusSeconds(86_400)).start())
        .hasValueSatisfying(
            start ->
                assertThat(start.scheduledFor()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z")));
  }
}
