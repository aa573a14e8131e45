package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Brownout entry and exit with p50 200ms, errors 20%, a 10s window (11 probes a second apart) and
 * an 80% band (160ms, 16%).
 */
class HealthClassifierBrownoutTest {
  private static final Duration SLOW = Duration.ofMillis(300);

  /** Degraded on the 11th slow probe, at T0+10s. */
  private static ProbeFeed browned() {
    ProbeFeed feed = new ProbeFeed().ok(11, SLOW);
    assertThat(feed.phase()).isEqualTo(Degraded);
    return feed;
  }

  @Test
  void singleSlowProbeNeverDegrades() {
    ProbeFeed feed = new ProbeFeed().ok(20).ok(1, Duration.ofSeconds(5));

    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void slowProbesDegradeOnlyOnceTheyFillAWholeWindow() {
    ProbeFeed feed = new ProbeFeed().ok(10, SLOW);
    assertThat(feed.phase()).as("0s..9s does not fill 10s").isEqualTo(Healthy);

    feed.ok(1, SLOW);

    assertThat(feed.phase()).isEqualTo(Degraded);
    assertThat(feed.state().phaseSince()).isEqualTo(ProbeFeed.T0.plusSeconds(10));
    assertThat(feed.state().reason())
        .isEqualTo("brownout: p50 latency 300ms over the last 10s exceeds 200ms");
  }

  @Test
  void latencyExactlyAtTheThresholdIsNoBrownout() {
    assertThat(new ProbeFeed().ok(30, Duration.ofMillis(200)).phase()).isEqualTo(Healthy);
    assertThat(new ProbeFeed().ok(30, Duration.ofMillis(201)).phase()).isEqualTo(Degraded);
  }

  @Test
  void degradesWhenTheMedianIsSlowNotWhenAMinorityIs() {
    ProbeFeed minority = new ProbeFeed().ok(6).ok(5, SLOW);
    ProbeFeed majority = new ProbeFeed().ok(5).ok(6, SLOW);

    assertThat(minority.phase()).isEqualTo(Healthy);
    assertThat(majority.phase()).isEqualTo(Degraded);
  }

  @Test
  void degradesOnAnErrorRateAboveTheThresholdWithoutABlackout() {
    ProbeFeed twoOfEleven = new ProbeFeed().ok(3).refusals(1).ok(3).refusals(1).ok(3);
    assertThat(twoOfEleven.phase()).as("18%% is below 20%%").isEqualTo(Healthy);

    ProbeFeed threeOfEleven = new ProbeFeed().ok(2).refusals(1).ok(3).refusals(1).ok(2);
    threeOfEleven.refusals(1).ok(1);
    assertThat(threeOfEleven.phase())
        .as("27%% of 11 probes is what a 20%% rate gives by chance")
        .isEqualTo(Healthy);

    ProbeFeed sevenOfEleven = new ProbeFeed().ok(2);
    for (int i = 0; i < 4; i++) {
      sevenOfEleven.refusals(2).ok(1);
    }

    assertThat(sevenOfEleven.phase()).isEqualTo(Degraded);
    assertThat(sevenOfEleven.state().reason())
        .isEqualTo("brownout: error rate 60% over the last 10s exceeds 20%");
  }

  @Test
  void failuresChanceExplainsAreNeverABrownoutWhateverTheRate() {
    // 15 probes in the window and a 5% threshold: one failure is 6.7%, two 13%, but a link that
    // fails 5% of its probes does that often; four are unlikely (0.6%) unless it fails more.
    HealthThresholds fivePercent =
        new HealthThresholds(
            3, 2, Duration.ofMillis(200), 5, Duration.ofSeconds(14), 80, Duration.ofSeconds(30));
    ProbeFeed feed = new ProbeFeed(fivePercent).ok(15).refusals(1);
    assertThat(feed.state().errorRatePercent()).isGreaterThan(5);
    assertThat(feed.phase()).isEqualTo(Healthy);

    feed.ok(1).refusals(1).ok(1);
    assertThat(feed.phase()).as("two failures in the window are chance").isEqualTo(Healthy);

    feed.refusals(1).ok(1).refusals(1).ok(1);

    assertThat(feed.phase()).as("four failures in the window are a brownout").isEqualTo(Degraded);
  }

  @Test
  void errorRateExactlyAtTheThresholdIsNoBrownout() {
    // A 19s window holds 20 probes a second apart: five failures are exactly 25%.
    HealthThresholds quarter =
        new HealthThresholds(
            3, 2, Duration.ofMillis(200), 25, Duration.ofSeconds(19), 80, Duration.ofSeconds(30));
    ProbeFeed feed = new ProbeFeed(quarter).ok(10);
    for (int i = 0; i < 5; i++) {
      feed.refusals(1).ok(1);
    }
    assertThat(feed.state().errorRatePercent()).isEqualTo(25.0);
    assertThat(feed.phase()).isEqualTo(Healthy);

    ProbeFeed twelveOfTwenty = new ProbeFeed(quarter).ok(2);
    for (int i = 0; i < 6; i++) {
      twelveOfTwenty.refusals(2).ok(1);
    }

    assertThat(twelveOfTwenty.phase()).as("twelve of twenty is 60%%").isEqualTo(Degraded);
  }

  @Test
  void leavesABrownoutOnlyAfterAWholeWindowWithinTheBand() {
    ProbeFeed feed = browned().ok(5);
    assertThat(feed.state().belowBandSince()).as("p50 still slow with 5 of 11 fast").isNull();

    feed.ok(1);
    assertThat(feed.state().belowBandSince()).isEqualTo(ProbeFeed.T0.plusSeconds(16));

    feed.ok(9);
    assertThat(feed.phase()).as("calm for 9s of 10s").isEqualTo(Degraded);

    feed.ok(1);
    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().phaseSince()).isEqualTo(ProbeFeed.T0.plusSeconds(26));
    assertThat(feed.state().belowBandSince()).isNull();
    assertThat(feed.state().reason())
        .isEqualTo(
            "brownout over: p50 latency and error rate stayed within 80% of their thresholds"
                + " (160ms, 16%) for 10s");
  }

  @Test
  void staysDegradedBetweenTheBandAndTheThreshold() {
    ProbeFeed feed = browned().ok(60, Duration.ofMillis(180));

    assertThat(feed.phase()).isEqualTo(Degraded);
    assertThat(feed.state().belowBandSince()).isNull();
  }

  @Test
  void latencyExactlyAtTheBandCountsAsCalm() {
    ProbeFeed feed = browned().ok(16, Duration.ofMillis(160));

    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void excursionAboveTheBandRestartsTheWait() {
    ProbeFeed feed = browned().ok(10);
    assertThat(feed.state().belowBandSince()).isEqualTo(ProbeFeed.T0.plusSeconds(16));

    // Two failures in eleven probes is 18%, above the 16% band: the calm period starts over.
    feed.refusals(2);
    assertThat(feed.state().belowBandSince()).isNull();

    feed.ok(9);
    assertThat(feed.state().belowBandSince()).as("t31 still sees both failures").isNull();
    feed.ok(1);
    assertThat(feed.state().belowBandSince()).isEqualTo(ProbeFeed.T0.plusSeconds(32));
    feed.ok(9);
    assertThat(feed.phase()).isEqualTo(Degraded);
    feed.ok(1);
    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().phaseSince()).isEqualTo(ProbeFeed.T0.plusSeconds(42));
  }

  @Test
  void blackoutDuringABrownoutMakesItUnreachable() {
    ProbeFeed feed = browned().refusals(2);
    assertThat(feed.phase()).isEqualTo(Degraded);

    feed.refusals(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
  }

  @Test
  void degradesAgainAfterRecoveringWhenLatencyReturns() {
    ProbeFeed feed = browned().ok(16);
    assertThat(feed.phase()).isEqualTo(Healthy);

    feed.ok(6, SLOW);

    assertThat(feed.phase()).isEqualTo(Degraded);
  }

  @Test
  void healthyStatePublishesPercentilesAndErrorRateOfTheWindow() {
    ProbeFeed feed = new ProbeFeed().ok(9, Duration.ofMillis(20)).ok(1, Duration.ofMillis(90));
    feed.refusals(1);

    assertThat(feed.state().latency().orElseThrow().p50()).isEqualTo(Duration.ofMillis(20));
    assertThat(feed.state().latency().orElseThrow().p99()).isEqualTo(Duration.ofMillis(90));
    assertThat(feed.state().errorRatePercent()).isCloseTo(9.09, Offset.offset(0.01));
  }
}
