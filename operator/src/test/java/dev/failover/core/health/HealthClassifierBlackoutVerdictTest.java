package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stopped data center is a blackout, never first a brownout: with the CRD's defaults (3 failures,
 * 5% over 30s), the 2nd refusal in a row is 2 of 15 probes, 13%, and the error-rate rule used to
 * fire one probe before the blackout rule.
 */
class HealthClassifierBlackoutVerdictTest {
  /** The CRD's defaults at a probe a second: N=3, R=3, 500ms or 5% over 30s. */
  private static final HealthThresholds DEFAULTS =
      new HealthThresholds(
          3, 3, Duration.ofMillis(500), 5, Duration.ofSeconds(30), 80, Duration.ofSeconds(30));

  @Test
  void consecutiveRefusalsAfterAFilledWindowGoStraightFromHealthyToUnreachable() {
    ProbeFeed feed = new ProbeFeed(DEFAULTS).ok(31);
    List<DataCenterPhase> phases = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      feed.refusals(1);
      phases.add(feed.phase());
    }

    assertThat(phases).containsExactly(Healthy, Healthy, Unreachable);
    assertThat(feed.state().reason()).isEqualTo("blackout: 3 consecutive probes refused");
  }

  @Test
  void consecutiveTimeoutsAreABlackoutThatSaysTheyHung() {
    ProbeFeed feed = new ProbeFeed(DEFAULTS).ok(31).timeouts(2);
    assertThat(feed.phase()).isEqualTo(Healthy);

    feed.timeouts(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().reason())
        .isEqualTo("blackout: 3 consecutive probes timed out after 1s");
  }

  @Test
  void failuresBetweenAnswersAreStillABrownoutOnceAnAnswerEndsTheRun() {
    ProbeFeed feed = new ProbeFeed(DEFAULTS).ok(31);
    feed.refusals(2).ok(1).refusals(2).ok(1).refusals(2);
    assertThat(feed.phase()).as("the run may still become a blackout").isEqualTo(Healthy);

    feed.ok(1);

    assertThat(feed.phase()).as("six of 31 probes").isEqualTo(Degraded);
    assertThat(feed.state().reason()).startsWith("brownout: error rate");
  }

  @Test
  void aBrownoutThatTurnsIntoABlackoutIsReportedAsABlackout() {
    ProbeFeed feed = new ProbeFeed(DEFAULTS).ok(31);
    for (int i = 0; i < 3; i++) {
      feed.refusals(2).ok(1);
    }
    assertThat(feed.phase()).isEqualTo(Degraded);

    feed.refusals(3);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().reason()).startsWith("blackout: 3 consecutive probes refused");
  }
}
