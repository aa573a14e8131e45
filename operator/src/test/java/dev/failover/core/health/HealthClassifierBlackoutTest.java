package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthClassifierBlackoutTest {

  @Test
  void isPendingUntilTheFirstProbe() {
    HealthState initial = HealthState.initial(ProbeFeed.T0);

    assertThat(initial.phase()).isEqualTo(Pending);
    assertThat(initial.reason()).isEqualTo("not probed yet");
    assertThat(initial.latency()).isEmpty();
  }

  @Test
  void firstSuccessfulProbeMakesItHealthy() {
    ProbeFeed feed = new ProbeFeed().ok(1);

    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().phaseSince()).isEqualTo(ProbeFeed.T0);
    assertThat(feed.state().reason()).isEqualTo("probe succeeded in 50ms");
  }

  @Test
  void singleFailureLeavesAPendingDataCenterPending() {
    ProbeFeed feed = new ProbeFeed().refusals(1);

    assertThat(feed.phase()).isEqualTo(Pending);
    assertThat(feed.state().consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void pendingDataCenterThatNeverAnswersBecomesUnreachableAfterNFailures() {
    ProbeFeed feed = new ProbeFeed().timeouts(2);
    assertThat(feed.phase()).isEqualTo(Pending);

    feed.timeouts(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
  }

  @Test
  void staysHealthyBelowTheFailureThreshold() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(2);

    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void becomesUnreachableAfterNConsecutiveFailures() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(3);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().phaseSince()).isEqualTo(feed.lastProbeAt());
    assertThat(feed.state().reason()).isEqualTo("blackout: 3 consecutive probes refused");
  }

  @Test
  void timeoutCountsLikeARefusal() {
    ProbeFeed feed = new ProbeFeed().ok(5).timeouts(1).refusals(1).timeouts(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().reason())
        .isEqualTo("blackout: 3 consecutive probes failed (1 refused, 2 timed out)");
  }

  @Test
  void successBetweenFailuresRestartsTheCount() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(2).ok(1).refusals(2);

    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void countsSuccessesAndFailuresExclusively() {
    ProbeFeed feed = new ProbeFeed().ok(3);
    assertThat(feed.state().consecutiveSuccesses()).isEqualTo(3);
    assertThat(feed.state().consecutiveFailures()).isZero();

    feed.refusals(1);

    assertThat(feed.state().consecutiveSuccesses()).isZero();
    assertThat(feed.state().consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void staysUnreachableWithItsOriginalStartWhileProbesKeepFailing() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(3);
    var since = feed.state().phaseSince();

    feed.refusals(10);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().phaseSince()).isEqualTo(since);
    assertThat(feed.state().consecutiveFailures()).isEqualTo(13);
  }

  @Test
  void failureThresholdOfOneMakesEveryFailureABlackout() {
    HealthThresholds strict =
        new HealthThresholds(
            1, 2, Duration.ofMillis(200), 20, Duration.ofSeconds(10), 80, Duration.ofSeconds(30));
    ProbeFeed feed = new ProbeFeed(strict).ok(3).refusals(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
  }

  @Test
  void ignoresAProbeOlderThanTheNewestSeen() {
    ProbeFeed feed = new ProbeFeed().ok(5);
    HealthState before = feed.state();
    HealthClassifier classifier = new HealthClassifier(ProbeFeed.THRESHOLDS);

    HealthState after =
        classifier.onProbe(
            before,
            ProbeResult.refused(ProbeFeed.T0.plusSeconds(1), Duration.ZERO),
            Optional.empty(),
            feed.clock());

    assertThat(after).isSameAs(before);
  }
}
