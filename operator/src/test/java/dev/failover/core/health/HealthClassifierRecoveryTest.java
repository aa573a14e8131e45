package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Unreachable → Restoring → Probation → Healthy, with R=2 and a 30s probation. */
class HealthClassifierRecoveryTest {

  private static ProbeFeed blackedOut() {
    ProbeFeed feed = new ProbeFeed().ok(3).refusals(3);
    assertThat(feed.phase()).isEqualTo(Unreachable);
    return feed;
  }

  /** Blackout, then R successes: on probation since the returned instant's probe. */
  private static ProbeFeed onProbation() {
    ProbeFeed feed = blackedOut().ok(2);
    assertThat(feed.phase()).isEqualTo(Probation);
    return feed;
  }

  @Test
  void firstSuccessAfterABlackoutMovesToRestoring() {
    ProbeFeed feed = blackedOut().ok(1);

    assertThat(feed.phase()).isEqualTo(Restoring);
    assertThat(feed.state().consecutiveSuccesses()).isEqualTo(1);
    assertThat(feed.state().reason())
        .isEqualTo(
            "reachable again after a blackout; 2 consecutive successful probes needed to end it");
  }

  @Test
  void aLongBlackoutIsNotMistakenForABrownoutOnceTheDataCenterIsBack() {
    ProbeFeed feed = blackedOut().refusals(20).ok(2);
    assertThat(feed.state().errorRatePercent())
        .as("the blackout's failed probes are forgotten on return")
        .isZero();

    feed.waitFor(Duration.ofSeconds(30)).ok(1);

    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void recoveryThresholdOfSuccessesMovesRestoringToProbation() {
    ProbeFeed feed = blackedOut().ok(2);

    assertThat(feed.phase()).isEqualTo(Probation);
    assertThat(feed.state().phaseSince()).isEqualTo(feed.lastProbeAt());
    assertThat(feed.state().reason())
        .isEqualTo("recovered: 2 consecutive probes succeeded; on probation for 30s");
  }

  @Test
  void recoveryThresholdOfOneGoesStraightToProbation() {
    HealthThresholds eager =
        new HealthThresholds(
            3, 1, Duration.ofMillis(200), 20, Duration.ofSeconds(10), 80, Duration.ofSeconds(30));
    ProbeFeed feed = new ProbeFeed(eager).ok(3).refusals(3).ok(1);

    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void failureWhileRestoringResetsTheSuccessesButIsNoNewBlackout() {
    ProbeFeed feed = blackedOut().ok(1).refusals(1);
    assertThat(feed.phase()).isEqualTo(Restoring);
    assertThat(feed.state().consecutiveSuccesses()).isZero();

    feed.ok(1);
    assertThat(feed.phase()).as("one success since the failure is not enough").isEqualTo(Restoring);

    feed.ok(1);
    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void nConsecutiveFailuresWhileRestoringAreANewBlackout() {
    ProbeFeed feed = blackedOut().ok(1).refusals(2);
    assertThat(feed.phase()).isEqualTo(Restoring);

    feed.refusals(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().phaseSince()).isEqualTo(feed.lastProbeAt());
  }

  @Test
  void staysOnProbationOneProbeShortOfTheDuration() {
    ProbeFeed feed = onProbation();
    Instant since = feed.state().phaseSince();

    feed.ok(29);

    assertThat(feed.lastProbeAt()).isEqualTo(since.plusSeconds(29));
    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void becomesHealthyOnceProbationHasPassedWithoutABlackout() {
    ProbeFeed feed = onProbation();
    Instant since = feed.state().phaseSince();

    feed.ok(30);

    assertThat(feed.lastProbeAt()).isEqualTo(since.plusSeconds(30));
    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().reason()).isEqualTo("no blackout during the 30s probation");
  }

  @Test
  void failuresBelowTheThresholdDoNotRestartTheProbationClock() {
    ProbeFeed feed = onProbation();
    Instant since = feed.state().phaseSince();

    feed.ok(10).refusals(2).ok(17);
    assertThat(feed.phase()).isEqualTo(Probation);
    assertThat(feed.state().phaseSince()).isEqualTo(since);

    feed.ok(1);
    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void failedProbeNeverEndsProbationEvenWhenTheTimeIsUp() {
    ProbeFeed feed = onProbation().ok(28).refusals(2);

    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void blackoutDuringProbationStartsRecoveryAllOver() {
    ProbeFeed feed = onProbation().ok(20).refusals(3);
    assertThat(feed.phase()).isEqualTo(Unreachable);

    feed.ok(2).ok(29);

    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void tickEndsProbationWhenTheLastProbeSucceeded() {
    ProbeFeed feed = onProbation().ok(11).waitFor(Duration.ofSeconds(20)).tick();

    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().phaseSince()).isEqualTo(feed.clock());
  }

  @Test
  void tickDoesNotEndProbationAfterAFailedProbe() {
    ProbeFeed feed = onProbation().ok(5).refusals(1).waitFor(Duration.ofSeconds(30)).tick();

    assertThat(feed.phase()).isEqualTo(Probation);
  }

  @Test
  void tickBeforeTheProbationEndsChangesNothing() {
    ProbeFeed feed = onProbation().ok(5);
    HealthState before = feed.state();

    feed.tick();

    assertThat(feed.state()).isSameAs(before);
  }

  @Test
  void endsProbationInABrownoutWhenTheWindowIsSlow() {
    ProbeFeed feed = onProbation().ok(30, Duration.ofMillis(400));

    assertThat(feed.phase()).isEqualTo(Degraded);
    assertThat(feed.state().reason()).startsWith("brownout: p50 latency 400ms");
  }

  @Test
  void shortProbationEndsHealthyBecauseTheBlackoutIsNoBrownout() {
    HealthThresholds shortProbation =
        new HealthThresholds(
            3, 2, Duration.ofMillis(200), 20, Duration.ofSeconds(10), 80, Duration.ofSeconds(3));
    ProbeFeed feed = new ProbeFeed(shortProbation).ok(8).refusals(3).ok(2);
    assertThat(feed.phase()).isEqualTo(Probation);

    feed.ok(3);

    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void aDataCenterThatComesBackSlowIsDegradedOnceItsWindowFills() {
    HealthThresholds shortProbation =
        new HealthThresholds(
            3, 2, Duration.ofMillis(200), 20, Duration.ofSeconds(10), 80, Duration.ofSeconds(3));
    ProbeFeed feed = new ProbeFeed(shortProbation).ok(8).refusals(3).ok(2, Duration.ofMillis(400));

    feed.ok(12, Duration.ofMillis(400));

    assertThat(feed.phase()).isEqualTo(Degraded);
    assertThat(feed.state().reason()).startsWith("brownout: p50 latency");
  }

  @Test
  void brownoutRulesDoNotApplyWhileRestoringOrOnProbation() {
    ProbeFeed feed = blackedOut().ok(1, Duration.ofSeconds(2));
    assertThat(feed.phase()).isEqualTo(Restoring);

    feed.ok(20, Duration.ofSeconds(2));

    assertThat(feed.phase()).isEqualTo(Probation);
  }
}
