package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationProbesTest {
  private static final Duration QUICK = Duration.ofMillis(200);
  private static final ConfirmationProbes CONFIRM = new ConfirmationProbes(QUICK);

  private static Optional<Duration> afterLast(ProbeFeed feed) {
    ProbeResult last = feed.state().window().newest().orElseThrow();
    return CONFIRM.after(feed.state(), last, ProbeFeed.THRESHOLDS);
  }

  @Test
  void aFirstRefusalOfAHealthyDataCenterIsConfirmedQuickly() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(1);

    assertThat(feed.phase()).isEqualTo(DataCenterPhase.Healthy);
    assertThat(afterLast(feed)).contains(QUICK);
  }

  @Test
  void confirmationGoesOnUntilTheBlackoutThresholdIsReached() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(2);
    assertThat(afterLast(feed)).contains(QUICK);

    feed.refusals(1);
    assertThat(feed.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(afterLast(feed)).isEmpty();
  }

  @Test
  void aTimeoutOfAServingDataCenterIsConfirmedQuicklyToo() {
    ProbeFeed feed = new ProbeFeed().ok(5).timeouts(1);
    assertThat(afterLast(feed)).contains(QUICK);

    feed.timeouts(1);
    assertThat(afterLast(feed)).contains(QUICK);

    feed.timeouts(1);
    assertThat(feed.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(afterLast(feed)).isEmpty();
  }

  @Test
  void aRefusalAfterATimeoutIsConfirmedQuickly() {
    ProbeFeed feed = new ProbeFeed().ok(5).timeouts(1).refusals(1);

    assertThat(feed.state().consecutiveFailures()).isEqualTo(2);
    assertThat(afterLast(feed)).contains(QUICK);
  }

  @Test
  void aSuccessNeedsNoConfirmation() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(1).ok(1);

    assertThat(afterLast(feed)).isEmpty();
  }

  @Test
  void aDegradedDataCenterStillServesSoItsRefusalsAreConfirmed() {
    ProbeFeed feed = new ProbeFeed().ok(11, Duration.ofMillis(400)).refusals(1);

    assertThat(feed.phase()).isEqualTo(DataCenterPhase.Degraded);
    assertThat(afterLast(feed)).contains(QUICK);
  }

  @Test
  void aDataCenterOnProbationIsConfirmedLikeAServingOne() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(3).ok(2);
    assertThat(feed.phase()).isEqualTo(DataCenterPhase.Probation);

    feed.refusals(1);

    assertThat(afterLast(feed)).contains(QUICK);
  }

  @Test
  void anUnreachableOrRestoringDataCenterServesNothingSoTheScheduleDecides() {
    ProbeFeed unreachable = new ProbeFeed().ok(5).refusals(4);
    assertThat(unreachable.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(afterLast(unreachable)).isEmpty();

    ProbeFeed restoring = new ProbeFeed().ok(5).refusals(3).ok(1).refusals(1);
    assertThat(restoring.phase()).isEqualTo(DataCenterPhase.Restoring);
    assertThat(afterLast(restoring)).isEmpty();
  }

  @Test
  void aDataCenterNeverProbedSuccessfullyIsNotHurried() {
    ProbeFeed feed = new ProbeFeed().refusals(1);

    assertThat(feed.phase()).isNotIn(DataCenterPhase.Healthy, DataCenterPhase.Degraded);
    assertThat(afterLast(feed)).isEmpty();
  }

  @Test
  void credentialFaultsAreAnswersNotRefusals() {
    ProbeFeed feed = new ProbeFeed().ok(5).probes(ProbeOutcome.Unauthorized, 1);
    ProbeResult rejected =
        new ProbeResult(feed.lastProbeAt(), ProbeOutcome.Unauthorized, Duration.ofMillis(3));

    assertThat(CONFIRM.after(feed.state(), rejected, ProbeFeed.THRESHOLDS)).isEmpty();
  }

  @Test
  void offNeverConfirms() {
    ProbeFeed feed = new ProbeFeed().ok(5).refusals(1);
    ProbeResult last = feed.state().window().newest().orElseThrow();

    assertThat(ConfirmationProbes.OFF.after(feed.state(), last, ProbeFeed.THRESHOLDS)).isEmpty();
  }

  @Test
  void aNegativeIntervalIsRefused() {
    assertThatThrownBy(() -> new ConfirmationProbes(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
